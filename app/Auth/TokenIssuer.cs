using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Auth;

/// <summary>Identity written into a token: everything an endpoint may learn about the viewer without a lookup.</summary>
public sealed record TokenSubject(string UserId, string Username, string Locale, string Role);

/// <summary>A signed token with its expiry time.</summary>
public sealed record IssuedToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public TimeSpan Lifetime => ExpiresAt - IssuedAt;
}

/// <summary>Signs RS256 tokens with this instance's private key.</summary>
public sealed class TokenIssuer(KeyRing keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(TokenSubject subject)
    {
        var credentials = keys.SigningCredentials
            ?? throw new InvalidOperationException("This instance has no Auth:SigningKeyPath, so it validates tokens but cannot issue them.");

        var settings = options.Value;
        // JWT times have a resolution of one second, so both ends fall on whole seconds. The token then lives
        // TokenLifetime, whole seconds of it, and the cookie's Max-Age repeats that.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + settings.TokenLifetime).ToUnixTimeSeconds());

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(SlicesClaims.UserId, subject.UserId),
                new Claim(SlicesClaims.Username, subject.Username),
                new Claim(SlicesClaims.Locale, subject.Locale),
                new Claim(SlicesClaims.Role, subject.Role),
                new Claim(SlicesClaims.TokenId, Guid.NewGuid().ToString("N")),
            ]),
        };

        return new IssuedToken(handler.CreateToken(descriptor), now, expiresAt);
    }
}
