using FastEndpoints.Swagger;
using Microsoft.Extensions.Options;
using NJsonSchema;
using NSwag;
using Slices.Auth;

namespace Slices.Api;

/// <summary>
/// The OpenAPI document of the REST endpoints and Swagger UI, both readable without login because they are
/// documentation. They are middleware, not endpoints, so the rule that every endpoint needs login is unchanged.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/swagger/v1/swagger.json";

    public const string UiPath = "/swagger";

    /// <summary>Name of the security scheme that represents the token cookie in the document.</summary>
    public const string CookieSchemeName = "TokenCookie";

    private const string ProblemSchemaName = "ProblemDetails";

    private const string ProblemMediaType = "application/problem+json";

    /// <summary>Registers the generator of the OpenAPI document. GraphQL and the HTML pages opt out with ExcludeFromDescription.</summary>
    public static IServiceCollection AddSlicesOpenApi(this IServiceCollection services)
    {
        services.SwaggerDocument(document =>
        {
            document.EnableJWTBearerAuth = false;
            document.ExcludeNonFastEndpoints = true;
            document.ShortSchemaNames = true;
            document.RemoveEmptyRequestSchema = true;
            document.AutoTagPathSegmentIndex = 1;

            // A verify-only instance returns 404 for the endpoints that issue tokens, so its document leaves them out.
            var canSign = document.Services.GetRequiredService<IOptions<AuthOptions>>().Value.CanSign;
            document.EndpointFilter = endpoint => canSign || !typeof(IRequiresSigningKey).IsAssignableFrom(endpoint.EndpointType);

            document.DocumentSettings = settings =>
            {
                settings.DocumentName = DocumentName;
                settings.Title = "Slices API";
                settings.Version = "v1";
                settings.Description =
                    "Sales orders, users and the item catalog. Log in with POST /login, which sets the HttpOnly cookie "
                    + $"'{TokenCookie.Name}'; the browser then sends it with every request, including Swagger UI's Try it out. "
                    + "Errors are RFC 9457 problem details.";
                settings.AddAuth(CookieSchemeName, new OpenApiSecurityScheme
                {
                    Type = OpenApiSecuritySchemeType.ApiKey,
                    In = OpenApiSecurityApiKeyLocation.Cookie,
                    Name = TokenCookie.Name,
                    Description = "The signed JWT that POST /login sets in an HttpOnly cookie. Scripts cannot read or set it, "
                        + "so log in through POST /login or the login page instead of entering a value here.",
                });
                settings.PostProcess += DescribeProblemResponses;
            };
        });

        return services;
    }

    /// <summary>Serves the document and Swagger UI from NSwag's embedded copy, with no files from other hosts.</summary>
    public static WebApplication UseSlicesOpenApi(this WebApplication app)
    {
        app.UseSwaggerGen(
            document =>
            {
                document.Path = DocumentPath;

                // Without servers, Swagger UI sends requests to the origin it was loaded from, behind any proxy.
                document.PostProcess = (openApi, _) => openApi.Servers.Clear();
            },
            ui =>
            {
                ui.Path = UiPath;
                ui.DocumentPath = DocumentPath;
                ui.DocExpansion = "list";

                // Otherwise Swagger UI's default validatorUrl loads a validation badge from validator.swagger.io.
                ui.ValidateSpecification = false;
            });

        return app;
    }

    // Every error response of the API is a problem-details body, including the 401 that FastEndpoints lists
    // without one. The schema's defaults are FastEndpoints' examples, not values this API sends, so they go.
    private static void DescribeProblemResponses(OpenApiDocument document)
    {
        if (!document.Components.Schemas.TryGetValue(ProblemSchemaName, out var problem))
            return;

        problem.Description = "An RFC 9457 problem details body. Validation and conflict errors list each field in errors.";
        foreach (var property in problem.Properties.Values)
            property.Default = null;

        var responses = document.Paths.Values
            .SelectMany(path => path.Values)
            .SelectMany(operation => operation.Responses)
            .Where(response => int.TryParse(response.Key, out var status) && status >= 400 && response.Value.Content.Count == 0);

        foreach (var (_, response) in responses)
            response.Content[ProblemMediaType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = problem } };
    }
}
