using System.Text.Json;
using FastEndpoints;
using FluentValidation.Results;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Slices.Auth;

namespace Slices.Api;

public static class ApiExtensions
{
    /// <summary>Error code of the validation failure added when the request body cannot be read as JSON of the request type.</summary>
    public const string InvalidJsonErrorCode = "invalid_json";

    /// <summary>Registers FastEndpoints, problem details, CORS, the health check and every slice's services.</summary>
    public static IServiceCollection AddSlicesApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = UseSnakeCaseTraceId);
        services.AddHealthChecks();
        services.AddMemoryCache(cache => cache.SizeLimit = configuration.GetValue("MemoryCache:SizeLimit", 100_000));

        services.AddOptions<CorsSettings>().Bind(configuration.GetSection(CorsSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorsSettings>, CorsSettingsValidator>();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, ConfigureCors>();

        services.AddFastEndpoints();
        services.AddFeatureModules(configuration);

        return services;
    }

    /// <summary>Answers unhandled exceptions and empty error responses with problem details.</summary>
    public static WebApplication UseSlicesErrorHandling(this WebApplication app)
    {
        // A BadHttpRequestException (such as a body over the size limit) keeps its own status instead of becoming 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException badRequest
                ? badRequest.StatusCode
                : StatusCodes.Status500InternalServerError,

            // A client error is not logged as an unhandled exception; the request log still records its status.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();

        return app;
    }

    /// <summary>Maps every discovered endpoint; endpoints that issue tokens only where a signing key is configured.</summary>
    public static WebApplication UseSlicesApi(this WebApplication app)
    {
        var canSign = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.CanSign;

        app.UseFastEndpoints(config =>
        {
            config.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            config.Errors.UseProblemDetails();
            config.Binding.JsonExceptionTransformer = exception => new ValidationFailure(
                string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.'),
                $"The request body is not valid JSON: {exception.Message}")
            {
                ErrorCode = InvalidJsonErrorCode,
            };
            config.Endpoints.Filter = endpoint =>
                canSign || !typeof(IRequiresSigningKey).IsAssignableFrom(endpoint.EndpointType);
        });

        app.MapHealthChecks("/healthcheck").AllowAnonymous();

        return app;
    }

    // FastEndpoints names the member trace_id; the framework's own problem details follow suit.
    private static void UseSnakeCaseTraceId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions.Remove("traceId");
        context.ProblemDetails.Extensions["trace_id"] = context.HttpContext.TraceIdentifier;
    }

    private sealed class ConfigureCors(IOptions<CorsSettings> settings) : IConfigureOptions<CorsOptions>
    {
        public void Configure(CorsOptions options) =>
            options.AddDefaultPolicy(policy => policy
                .WithOrigins(settings.Value.AllowedOrigins)
                .AllowCredentials()
                .AllowAnyHeader()
                .WithMethods(HttpMethods.Get, HttpMethods.Post));
    }
}
