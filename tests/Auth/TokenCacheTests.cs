using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Slices.Auth;

namespace Slices.Tests.Auth;

public sealed class TokenCacheTests : IDisposable
{
    // One key object for every test, because a remembered token is accepted only while the key object that signed it is configured.
    private static readonly SecurityKey SigningKey = TestKeys.Signing;

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly CachingJsonWebTokenHandler handler;

    public TokenCacheTests()
    {
        handler = new CachingJsonWebTokenHandler(capacity: 100, clock);
    }

    public void Dispose() => handler.Dispose();

    [Fact]
    public async Task Valid_token_is_remembered()
    {
        var token = TestTokens.Create();

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, handler.Count);
        Assert.Same(first.SecurityToken, second.SecurityToken);
    }

    [Fact]
    public async Task Remembered_token_keeps_its_claims()
    {
        var token = TestTokens.Create(userId: "user-42", username: "someone", role: Roles.Admin);
        await handler.ValidateTokenAsync(token, Parameters());

        var remembered = await handler.ValidateTokenAsync(token, Parameters());

        Assert.Equal("user-42", remembered.ClaimsIdentity.FindFirst(SlicesClaims.UserId)?.Value);
        Assert.Equal("someone", remembered.ClaimsIdentity.Name);
        Assert.True(new ClaimsPrincipal(remembered.ClaimsIdentity).IsInRole(Roles.Admin));
    }

    [Fact]
    public async Task Each_hit_gets_its_own_identity()
    {
        var token = TestTokens.Create();
        await handler.ValidateTokenAsync(token, Parameters());

        var first = await handler.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim(SlicesClaims.Role, Roles.Admin));
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.False(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole(Roles.Admin));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong issuer")]
    [InlineData("signed by another key")]
    public async Task Rejected_token_is_not_remembered(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var token = kind switch
        {
            "expired" => TestTokens.Create(notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-5)),
            "wrong issuer" => TestTokens.Create(issuer: "someone-else"),
            _ => TestTokens.Create(key: TestKeys.Other),
        };

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Tampered_copy_of_remembered_token_is_rejected()
    {
        var token = TestTokens.Create();
        await handler.ValidateTokenAsync(token, Parameters());
        var tampered = TestTokens.WithPayload(token, """{"sub":"someone-else","role":"admin","iss":"slices","aud":"slices-api","exp":4102444800}""");

        var result = await handler.ValidateTokenAsync(tampered, Parameters());

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Entry_ends_at_exp()
    {
        var token = TestTokens.Create(expires: clock.GetUtcNow().AddMinutes(5));
        var first = await handler.ValidateTokenAsync(token, Parameters());

        // At exp the entry is ignored and the token is validated in full again, which returns a new token object.
        clock.Advance(TimeSpan.FromMinutes(5));
        var atExpiry = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.NotSame(first.SecurityToken, atExpiry.SecurityToken);
    }

    [Fact]
    public async Task Entry_ends_when_key_is_removed()
    {
        var token = TestTokens.Create();
        await handler.ValidateTokenAsync(token, Parameters());
        var withoutThatKey = Parameters();
        withoutThatKey.IssuerSigningKeys = [new RsaSecurityKey(TestKeys.Other.Rsa.ExportParameters(false)) { KeyId = TestKeys.KeyId }];

        var result = await handler.ValidateTokenAsync(token, withoutThatKey);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Token_from_key_set_is_remembered()
    {
        var token = TestTokens.Create();
        var fromKeySet = KeySetParameters(SigningKey);

        var first = await handler.ValidateTokenAsync(token, fromKeySet);
        var second = await handler.ValidateTokenAsync(token, fromKeySet);

        Assert.True(first.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken);
    }

    [Fact]
    public async Task Entry_ends_when_key_set_changes()
    {
        var token = TestTokens.Create();
        var fromKeySet = KeySetParameters(SigningKey);
        await handler.ValidateTokenAsync(token, fromKeySet);

        var otherKey = new RsaSecurityKey(TestKeys.Other.Rsa.ExportParameters(false)) { KeyId = TestKeys.KeyId };
        var result = await handler.ValidateTokenAsync(token, KeySetParameters(otherKey));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Full_cache_still_accepts_tokens()
    {
        using var small = new CachingJsonWebTokenHandler(capacity: 1, clock);

        var first = await small.ValidateTokenAsync(TestTokens.Create(), Parameters());
        var second = await small.ValidateTokenAsync(TestTokens.Create(), Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, small.Count);
    }

    [Fact]
    public async Task App_without_cache_accepts_tokens()
    {
        await using var factory = AppFactory.With(new Dictionary<string, string?> { ["Auth:ValidatedTokenCacheSize"] = "0" });
        using var client = factory.CreateClientWithToken(TestTokens.Create());

        using var first = await client.GetAsync("/me");
        using var second = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Negative_cache_size_stops_start()
    {
        await using var factory = AppFactory.With(new Dictionary<string, string?> { ["Auth:ValidatedTokenCacheSize"] = "-1" });

        var exception = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains("Auth:ValidatedTokenCacheSize must be 0 (off) or more", exception.ToString());
    }

    // The rules of JwtBearerSetup with no configured key, taking keys from a key set as Auth:JwksUrl does.
    private static TokenValidationParameters KeySetParameters(SecurityKey key)
    {
        var keySet = new OpenIdConnectConfiguration();
        keySet.SigningKeys.Add(key);

        var parameters = Parameters();
        parameters.IssuerSigningKeys = [];
        parameters.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(keySet);

        return parameters;
    }

    // The rules of JwtBearerSetup, with the test signing key.
    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKeys = [SigningKey],
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidTypes = ["JWT"],
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = SlicesClaims.Username,
        RoleClaimType = SlicesClaims.Role,
    };
}
