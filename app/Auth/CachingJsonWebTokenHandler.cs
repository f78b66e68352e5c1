using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Auth;

/// <summary>
/// Validates tokens as <see cref="JsonWebTokenHandler"/> does and remembers each valid one, by the SHA-256 hash of
/// its text, so that the next request with the same cookie skips the RSA signature check. A token seen for the
/// first time passes every rule: algorithm, key id, signature, issuer, audience and lifetime. A remembered token
/// is accepted again only before its <c>exp</c>, without clock skew, and only while the key that signed it is still a
/// validation key; otherwise it is validated in full again. Expiry on a cache hit is read from the app's
/// <see cref="TimeProvider"/>, which in production is the system clock that IdentityModel's lifetime check reads.
/// </summary>
/// <remarks>
/// The cache contains at most <c>capacity</c> tokens. A valid token that finds it full is still accepted, but not
/// remembered. It has its own <see cref="MemoryCache"/>, so a burst of logins cannot evict the login throttle's counters.
/// </remarks>
public sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler, IDisposable
{
    private readonly MemoryCache cache;
    private readonly TimeProvider clock;

    public CachingJsonWebTokenHandler(int capacity, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.clock = clock;

        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
        MapInboundClaims = false;
    }

    /// <summary>Number of tokens remembered now.</summary>
    public int Count => cache.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var cacheKey = HashOf(token);
        var now = clock.GetUtcNow();

        if (cache.TryGetValue(cacheKey, out ValidatedToken? known)
            && known is not null
            && now < known.ExpiresAt
            && await IsValidationKeyAsync(known.Token.SigningKey, validationParameters))
        {
            // Each request gets its own identity, so nothing one request adds to it reaches another.
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = known.Token,
                ClaimsIdentity = known.Identity.Clone(),
                Issuer = known.Token.Issuer,
                TokenType = known.Token.Typ,
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { SigningKey: not null } validated)
            Remember(cacheKey, validated, result.ClaimsIdentity, now);

        return result;
    }

    public void Dispose() => cache.Dispose();

    private void Remember(string cacheKey, JsonWebToken token, ClaimsIdentity identity, DateTimeOffset now)
    {
        // ValidTo is DateTime.MinValue for a token without exp, but RequireExpirationTime rejects such a token before this point.
        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc));
        if (expiresAt <= now)
            return;

        cache.Set(
            cacheKey,
            new ValidatedToken(token, identity.Clone(), expiresAt),
            new MemoryCacheEntryOptions { AbsoluteExpiration = expiresAt, Size = 1 });
    }

    // A key that left the configured keys or the key set of Auth:JwksUrl ends the use of the tokens it signed.
    // A key set fetched again contains new key objects, so its tokens are validated in full once more.
    private static async Task<bool> IsValidationKeyAsync(SecurityKey? signingKey, TokenValidationParameters validationParameters)
    {
        if (signingKey is null)
            return false;

        if (ReferenceEquals(validationParameters.IssuerSigningKey, signingKey)
            || validationParameters.IssuerSigningKeys?.Any(key => ReferenceEquals(key, signingKey)) == true)
            return true;

        if (validationParameters.ConfigurationManager is not { } keySource)
            return false;

        // A failed fetch makes this a cache miss, so the full validation meets the same failure and reports it.
        try
        {
            var configuration = await keySource.GetBaseConfigurationAsync(CancellationToken.None);

            return configuration.SigningKeys.Any(key => ReferenceEquals(key, signingKey));
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record ValidatedToken(JsonWebToken Token, ClaimsIdentity Identity, DateTimeOffset ExpiresAt);
}
