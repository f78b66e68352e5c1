using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slices.Api;

namespace Slices.Tests.Api;

public sealed class OpenApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] AnonymousOperations = ["POST /login", "POST /logout", "GET /.well-known/jwks.json"];

    [Fact]
    public async Task Document_matches_snapshot()
    {
        var document = await ReadDocumentAsync(factory);

        // Paths and schemas are sorted so that the snapshot changes with the API, not with discovery order.
        Snapshots.MatchJson(Normalize(document).ToJsonString());
    }

    [Fact]
    public async Task Document_needs_no_login()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync(OpenApiExtensions.DocumentPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Document_lists_only_rest_endpoints()
    {
        var paths = (await ReadDocumentAsync(factory))["paths"]!.AsObject();

        Assert.DoesNotContain("/graph", paths.Select(path => path.Key));
        Assert.DoesNotContain(paths, path => path.Key.StartsWith("/graphiql", StringComparison.Ordinal));
        Assert.DoesNotContain("/healthcheck", paths.Select(path => path.Key));
        Assert.DoesNotContain("get", paths["/login"]!.AsObject().Select(operation => operation.Key));
        Assert.Contains("post", paths["/login"]!.AsObject().Select(operation => operation.Key));
        Assert.Contains("post", paths["/logout"]!.AsObject().Select(operation => operation.Key));
        Assert.Contains("/users/{id}/orders", paths.Select(path => path.Key));
        Assert.Contains("/orders", paths.Select(path => path.Key));
    }

    [Fact]
    public async Task Cookie_scheme_secures_protected_operations()
    {
        var document = await ReadDocumentAsync(factory);

        var scheme = document["components"]!["securitySchemes"]![OpenApiExtensions.CookieSchemeName]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("cookie", scheme["in"]!.GetValue<string>());
        Assert.Equal("token", scheme["name"]!.GetValue<string>());

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var security = operation!["security"]?.ToJsonString() ?? "";

                if (AnonymousOperations.Contains(name))
                    Assert.True(security == "", $"{name} needs no login, so it must not list a security requirement.");
                else
                    Assert.True(security.Contains($"\"{OpenApiExtensions.CookieSchemeName}\"", StringComparison.Ordinal), $"{name} must require the token cookie.");
            }
        }
    }

    [Fact]
    public async Task Error_responses_are_problem_details()
    {
        var document = await ReadDocumentAsync(factory);

        var errorResponses = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["responses"]!.AsObject())
            .Where(response => int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400)
            .ToArray();

        Assert.NotEmpty(errorResponses);
        foreach (var (status, response) in errorResponses)
        {
            var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
            Assert.True(schema == "#/components/schemas/ProblemDetails", $"A {status} response has no problem-details schema.");
        }
    }

    [Fact]
    public async Task Swagger_ui_uses_only_own_assets()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync($"{OpenApiExtensions.UiPath}/index.html");
        using var bundle = await client.GetAsync($"{OpenApiExtensions.UiPath}/swagger-ui-bundle.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var sources = Regex.Matches(page, "(?:src|href)=\"([^\"]+)\"").Select(match => match.Groups[1].Value).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.DoesNotContain("//", source));
        Assert.Contains("validatorUrl: null", page);
    }

    [Fact]
    public async Task Verify_only_document_omits_login()
    {
        await using var verifier = AppFactory.With(new Dictionary<string, string?>
        {
            ["Auth:SigningKeyPath"] = "",
            ["Auth:SigningKeyId"] = "",
        });

        var paths = (await ReadDocumentAsync(verifier))["paths"]!.AsObject();

        Assert.DoesNotContain("/login", paths.Select(path => path.Key));
        Assert.Contains("/me", paths.Select(path => path.Key));
    }

    private static async Task<JsonObject> ReadDocumentAsync(AppFactory app)
    {
        using var client = app.CreatePlainClient();
        using var response = await client.GetAsync(OpenApiExtensions.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject Normalize(JsonObject document)
    {
        var normalized = document.DeepClone().AsObject();
        normalized["paths"] = Sorted(normalized["paths"]!.AsObject());
        normalized["components"]!["schemas"] = Sorted(normalized["components"]!["schemas"]!.AsObject());

        return normalized;
    }

    private static JsonObject Sorted(JsonObject source) =>
        new(source.OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, property.Value?.DeepClone())));
}
