using System.Net;
using Slices.Store;

namespace Slices.Tests.Auth;

public sealed class TokenValidationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string> RejectedTokens =>
    [
        "expired",
        "not yet valid",
        "wrong issuer",
        "wrong audience",
        "tampered payload",
        "alg none",
        "HS256 with public key as secret",
        "unknown kid",
        "signed by another key",
        "not a JWT",
    ];

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        using var client = factory.CreateClientWithToken(TestTokens.Create());

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Bad_token_is_401(string kind)
    {
        using var client = factory.CreateClientWithToken(Build(kind));

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Contains("invalid or expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorization_header_is_ignored()
    {
        using var client = factory.CreatePlainClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create());

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Build(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = TestTokens.Create();

        return kind switch
        {
            // Beyond the 30-second clock skew in either direction.
            "expired" => TestTokens.Create(notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-5)),
            "not yet valid" => TestTokens.Create(notBefore: now.AddMinutes(5), expires: now.AddMinutes(20)),
            "wrong issuer" => TestTokens.Create(issuer: "someone-else"),
            "wrong audience" => TestTokens.Create(audience: "another-api"),
            "tampered payload" => TestTokens.WithPayload(valid, $$"""{"sub":"{{DemoData.JohnId}}","name":"john01","locale":"en","role":"admin","iss":"slices","aud":"slices-api","exp":{{now.AddMinutes(5).ToUnixTimeSeconds()}}}"""),
            "alg none" => TestTokens.Unsigned(valid),
            "HS256 with public key as secret" => TestTokens.HmacWithPublicKey(valid, TestKeys.PublicKeyPem),
            "unknown kid" => TestTokens.Create(key: new Microsoft.IdentityModel.Tokens.RsaSecurityKey(TestKeys.Signing.Rsa) { KeyId = "retired-key" }),
            "signed by another key" => TestTokens.Create(key: TestKeys.Other),
            "not a JWT" => "not-a-token",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such token kind."),
        };
    }
}
