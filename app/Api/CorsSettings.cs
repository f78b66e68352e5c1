using Microsoft.Extensions.Options;

namespace Slices.Api;

/// <summary>Settings of the <c>Cors</c> section.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    /// <summary>Origins (scheme, host and port) whose pages may call the API with the user's cookie.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

internal sealed class CorsSettingsValidator : IValidateOptions<CorsSettings>
{
    public ValidateOptionsResult Validate(string? name, CorsSettings options)
    {
        var failures = new List<string>();

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin.Contains('*'))
                failures.Add($"Cors:AllowedOrigins must not contain a wildcard ('{origin}'), because requests carry the user's cookie; list each origin.");
            else if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.PathAndQuery != "/")
                failures.Add($"Cors:AllowedOrigins must hold origins such as https://app.example.com, without a path; '{origin}' is not one.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
