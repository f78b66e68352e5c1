using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Tests.Api;

public sealed class HostTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] AnonymousRoutes = ["/", "/healthcheck", "/.well-known/jwks.json", "/login", "/logout", "/graphiql/{**path}"];

    [Fact]
    public async Task Healthcheck_needs_no_login()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/healthcheck");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Jwks_publishes_public_key()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var key = json.RootElement.GetProperty("keys").EnumerateArray().Single();
        Assert.Equal(Base64UrlEncoder.Encode(TestKeys.Signing.Rsa.ExportParameters(false).Modulus), key.GetProperty("n").GetString());
        Assert.False(key.TryGetProperty("d", out _), "The private exponent must never be published.");
        Snapshots.MatchJson(body, ["keys[0].n"]);
    }

    [Fact]
    public async Task Root_redirects_to_graphiql()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graph", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_route_is_404_problem()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Browser_404_is_problem_json()
    {
        using var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public void Endpoints_require_login_by_default()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;

            if (AnonymousRoutes.Contains(route))
            {
                Assert.True(anonymous, $"{route} should allow anonymous requests.");
                continue;
            }

            Assert.False(anonymous, $"{route} must not allow anonymous requests.");
            Assert.True(authorized, $"{route} must require a logged-in user.");
        }
    }

    [Fact]
    public async Task Cors_allows_configured_origin_with_credentials()
    {
        await using var corsFactory = AppFactory.With(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "http://app.localhost:3000" });
        using var client = corsFactory.CreatePlainClient();

        using var allowed = await client.SendAsync(Preflight("http://app.localhost:3000"));
        using var other = await client.SendAsync(Preflight("http://other.localhost:3000"));

        Assert.Equal("http://app.localhost:3000", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Verify_only_instance_accepts_issued_token()
    {
        var token = await factory.LoginAsync();
        await using var verifier = AppFactory.With(new Dictionary<string, string?>
        {
            ["Auth:SigningKeyPath"] = "",
            ["Auth:SigningKeyId"] = "",
        });
        using var client = verifier.CreateClientWithToken(token);

        using var me = await client.GetAsync("/me");
        using var login = await client.PostAsJsonAsync("/login", new { username = "jane01", password = "irrelevant" });
        using var loginPage = await client.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, loginPage.StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/me");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        return request;
    }
}
