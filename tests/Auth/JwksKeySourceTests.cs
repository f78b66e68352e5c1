using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Slices.Tests.Auth;

public sealed class JwksKeySourceTests(AppFactory issuer) : IClassFixture<AppFactory>
{
    private const string JwksUrl = "http://localhost/.well-known/jwks.json";

    [Fact]
    public async Task Keys_from_jwks_validate_tokens()
    {
        await using var verifier = CreateVerifier(issuer);
        var token = await issuer.LoginAsync();
        using var client = verifier.CreateClientWithToken(token);

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(verifier.ReadLogLines(), line => line.Contains("Fetched {KeyCount} signing key(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jwks_keys_keep_other_signers_out()
    {
        await using var verifier = CreateVerifier(issuer);
        using var client = verifier.CreateClientWithToken(TestTokens.Create(key: TestKeys.Other));

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unreachable_jwks_rejects_tokens_without_crashing()
    {
        await using var verifier = CreateVerifier(source: null);
        using var client = verifier.CreateClientWithToken(await issuer.LoginAsync());

        using var health = await client.GetAsync("/healthcheck");
        using var me = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("http://keys.invalid/.well-known/jwks.json")]
    [InlineData("ftp://localhost/jwks.json")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Untrusted_jwks_url_stops_start(string jwksUrl)
    {
        await using var verifier = AppFactory.With(new Dictionary<string, string?> { ["Auth:JwksUrl"] = jwksUrl });

        var exception = Record.Exception(() => verifier.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains("Auth:JwksUrl must be an absolute https URL, or http on localhost", exception.ToString());
    }

    /// <summary>
    /// Returns a verify-only instance that has no key files and fetches its keys from <paramref name="source"/>'s
    /// JWKS endpoint, served in memory; with no source, every fetch fails.
    /// </summary>
    private static AppFactory CreateVerifier(AppFactory? source) =>
        AppFactory.With(new Dictionary<string, string?>
            {
                ["Auth:SigningKeyPath"] = "",
                ["Auth:SigningKeyId"] = "",
                ["Auth:PublicKeyPaths:slices-1"] = "",
                ["Auth:JwksUrl"] = JwksUrl,
            })
            .WithServices(services => services
                .AddHttpClient("jwks")
                .ConfigurePrimaryHttpMessageHandler(() => source?.Server.CreateHandler() ?? new FailingHandler()));

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("No key server in this test.");
    }
}
