namespace Slices.Auth;

/// <summary>Settings of the <c>Auth</c> section: token issuing, validation, keys, cookie and login throttling.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>Lifetime of an issued token and of its cookie. Keep it short: tokens cannot be revoked.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tolerated clock difference between the issuing and the validating instance.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>PEM file of the RSA private key that signs tokens. Empty on a verify-only instance, which then serves no login.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>Key id (<c>kid</c>) written into the header of every token this instance signs.</summary>
    public string? SigningKeyId { get; set; }

    /// <summary>PEM files of the RSA public keys that validate tokens, by key id. An empty path turns that key off.</summary>
    public Dictionary<string, string?> PublicKeyPaths { get; set; } = [];

    /// <summary>
    /// URL of a JSON Web Key Set, such as another instance's <c>/.well-known/jwks.json</c>, whose RSA keys also
    /// validate tokens. Keys are fetched at start-up and refreshed hourly, or sooner when a token names an unknown key.
    /// </summary>
    public string? JwksUrl { get; set; }

    /// <summary>Where the login challenge sends a browser; another instance's login page works too.</summary>
    public string LoginPath { get; set; } = "/login";

    public CookieSettings Cookie { get; set; } = new();

    /// <summary>
    /// Valid tokens remembered by their hash until their exp, so repeated requests skip the signature check; 0 turns
    /// the cache off.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    public LoginThrottleSettings Throttle { get; set; } = new();

    public bool CanSign => !string.IsNullOrWhiteSpace(SigningKeyPath);

    /// <summary>The entries of <see cref="PublicKeyPaths"/> that name a file.</summary>
    public IReadOnlyDictionary<string, string> ActivePublicKeyPaths =>
        PublicKeyPaths
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value!);
}

public enum CookieSecurity
{
    /// <summary>The cookie is always marked Secure, so browsers send it only over HTTPS.</summary>
    Always,

    /// <summary>The cookie is marked Secure only when the login request came over HTTPS.</summary>
    SameAsRequest,
}

public sealed class CookieSettings
{
    public CookieSecurity Secure { get; set; } = CookieSecurity.Always;
}

public sealed class LoginThrottleSettings
{
    /// <summary>Failed logins per username within <see cref="Window"/> before further attempts get 429.</summary>
    public int MaxFailuresPerUsername { get; set; } = 5;

    /// <summary>Failed logins per client address within <see cref="Window"/> before further attempts get 429.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
