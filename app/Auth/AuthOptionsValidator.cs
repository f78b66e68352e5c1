using Microsoft.Extensions.Options;

namespace Slices.Auth;

/// <summary>Validates the <c>Auth</c> section at start-up; each message names the setting to fix.</summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Issuer))
            failures.Add("Auth:Issuer is required.");

        if (string.IsNullOrWhiteSpace(options.Audience))
            failures.Add("Auth:Audience is required.");

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromHours(24))
            failures.Add($"Auth:TokenLifetime must be more than zero and at most 24 hours; it is {options.TokenLifetime}.");

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
            failures.Add($"Auth:ClockSkew must be between 0 and 5 minutes; it is {options.ClockSkew}.");

        if (options.CanSign && string.IsNullOrWhiteSpace(options.SigningKeyId))
            failures.Add("Auth:SigningKeyId is required when Auth:SigningKeyPath is set.");

        var publicKeyPaths = options.ActivePublicKeyPaths;
        if (options.CanSign && !string.IsNullOrWhiteSpace(options.SigningKeyId) && !publicKeyPaths.ContainsKey(options.SigningKeyId))
            failures.Add($"Auth:PublicKeyPaths must name the public key of Auth:SigningKeyId '{options.SigningKeyId}', or this instance would reject its own tokens.");

        if (publicKeyPaths.Count == 0 && string.IsNullOrWhiteSpace(options.JwksUrl))
            failures.Add("Auth:PublicKeyPaths must name at least one public key, as key id and PEM file path, unless Auth:JwksUrl is set.");

        if (!string.IsNullOrWhiteSpace(options.JwksUrl) && !IsTrustedJwksUrl(options.JwksUrl))
            failures.Add($"Auth:JwksUrl must be an absolute https URL, or http on localhost; it is '{options.JwksUrl}'.");

        if (!options.LoginPath.StartsWith('/') && !Uri.TryCreate(options.LoginPath, UriKind.Absolute, out _))
            failures.Add($"Auth:LoginPath must be a local path or an absolute URL; it is '{options.LoginPath}'.");

        if (environment.IsProduction() && options.Cookie.Secure != CookieSecurity.Always)
            failures.Add("Auth:Cookie:Secure must be Always in Production, so the token never travels over plain HTTP.");

        if (options.ValidatedTokenCacheSize < 0)
            failures.Add($"Auth:ValidatedTokenCacheSize must be 0 (off) or more; it is {options.ValidatedTokenCacheSize}.");

        if (options.Throttle.MaxFailuresPerUsername < 1)
            failures.Add("Auth:Throttle:MaxFailuresPerUsername must be at least 1.");

        if (options.Throttle.MaxFailuresPerAddress < 1)
            failures.Add("Auth:Throttle:MaxFailuresPerAddress must be at least 1.");

        if (options.Throttle.Window <= TimeSpan.Zero)
            failures.Add("Auth:Throttle:Window must be more than zero.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True for https, or for http to a loopback address, where no one on the network can swap the keys.</summary>
    internal static bool IsTrustedJwksUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
