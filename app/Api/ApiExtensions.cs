using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.Diagnostics;
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
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = CompleteProblemDetails);
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

    /// <summary>
    /// Turns unhandled exceptions and empty error responses into problem details. Only Development shows
    /// exception details, through the developer exception page that the host adds there.
    /// </summary>
    public static WebApplication UseSlicesErrorHandling(this WebApplication app)
    {
        // A BadHttpRequestException (such as a body over the size limit) keeps its own status instead of becoming 500.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException badRequest
                    ? badRequest.StatusCode
                    : StatusCodes.Status500InternalServerError,

                // A client error is not logged as an unhandled exception; the request log still records its status.
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            });
        }

        app.UseStatusCodePages(WriteStatusCodeProblem);

        return app;
    }

    /// <summary>Maps every discovered endpoint; endpoints that issue tokens return 404 where no signing key is configured.</summary>
    public static WebApplication UseSlicesApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.CanSign)
            app.Use(HideSigningEndpoints);

        app.UseFastEndpoints(config =>
        {
            config.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;

            // A misspelt field would otherwise be dropped without a word, and the OpenAPI document promises
            // additionalProperties: false.
            config.Serializer.Options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

            // The web defaults read "2" as the number 2. A quantity sent as a string is a client bug that the
            // OpenAPI document's integer type already rules out, so it is rejected here too.
            config.Serializer.Options.NumberHandling = JsonNumberHandling.Strict;
            config.Errors.UseProblemDetails(problems =>
            {
                problems.TypeTransformer = problem => ProblemTypes.For(problem.Status) ?? problem.Type;

                // Without this, detail is the reason of a single error and missing for several, so a client that
                // shows detail would show nothing for a form with several mistakes.
                problems.DetailTransformer = problem => SummarizeErrors(problem.Errors);
            });
            config.Binding.JsonExceptionTransformer = JsonErrors.ToValidationFailure;
            config.Binding.FailureMessage = BindingErrors.Message;
        });

        app.MapHealthChecks("/healthcheck").AllowAnonymous();

        return app;
    }

    // NOTE: FastEndpoints keeps its configuration in static state shared by every app in the process, so
    // its endpoint filter cannot differ between two instances hosted side by side (as in tests). The
    // endpoints stay mapped and this middleware returns 404 for them instead.
    private static Task HideSigningEndpoints(HttpContext http, RequestDelegate next)
    {
        var definition = http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>();
        if (definition is not null && typeof(IRequiresSigningKey).IsAssignableFrom(definition.EndpointType))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(http);
    }

    private static string? SummarizeErrors(IEnumerable<FastEndpoints.ProblemDetails.Error> errors)
    {
        var list = errors.ToArray();

        return list.Length switch
        {
            0 => null,
            1 => list[0].Reason,
            _ => $"{list.Length} fields are invalid: {string.Join(", ", list.Select(error => error.Name))}. Each entry of errors says why.",
        };
    }

    // Results.Problem writes JSON even when the client did not ask for it, so every error body has one shape.
    private static Task WriteStatusCodeProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = http.Response.StatusCode };

        // Routing rejects a body of a type that no endpoint takes with a bare 415. Every body this API reads may be JSON.
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
            problem.Detail = $"Content-Type '{http.Request.ContentType}' is not supported here; send the body as application/json.";
        CompleteProblemDetails(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });

        return Results.Problem(problem).ExecuteAsync(http);
    }

    // Gives the framework's problem details the fields that FastEndpoints' own have: type, instance and
    // a trace_id member, named in the snake_case of the rest of the API.
    private static void CompleteProblemDetails(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Type ??= ProblemTypes.For(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions.Remove("traceId");
        problem.Extensions["trace_id"] = context.HttpContext.TraceIdentifier;
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
