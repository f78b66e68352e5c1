using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

/// <summary>Validates the <c>GraphQL</c> section at start-up. Each message names the setting to fix.</summary>
internal sealed class GraphQLSettingsValidator : IValidateOptions<GraphQLSettings>
{
    public ValidateOptionsResult Validate(string? name, GraphQLSettings options)
    {
        var failures = new List<string>();

        RequirePositive(failures, nameof(options.MaxRequestBytes), options.MaxRequestBytes);
        RequirePositive(failures, nameof(options.MaxDocumentBytes), options.MaxDocumentBytes);
        RequirePositive(failures, nameof(options.MaxDepth), options.MaxDepth);
        RequirePositive(failures, nameof(options.MaxComplexity), options.MaxComplexity);

        if (options.MaxAliases < 0)
            failures.Add($"GraphQL:MaxAliases must be zero or more; it is {options.MaxAliases}.");

        if (options.MaxDocumentBytes > options.MaxRequestBytes)
            failures.Add($"GraphQL:MaxDocumentBytes ({options.MaxDocumentBytes}) must not exceed GraphQL:MaxRequestBytes ({options.MaxRequestBytes}).");

        if (options.DocumentCacheSlidingExpiration <= TimeSpan.Zero)
            failures.Add("GraphQL:DocumentCacheSlidingExpiration must be more than zero.");

        if (!IsAssetBase(options.GraphiQLAssetBase))
            failures.Add($"GraphQL:GraphiQLAssetBase must be an https URL such as https://unpkg.com, or a local path such as /graphiql; it is '{options.GraphiQLAssetBase}'.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string setting, int value)
    {
        if (value < 1)
            failures.Add($"GraphQL:{setting} must be at least 1; it is {value}.");
    }

    private static bool IsAssetBase(string value)
    {
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
            return true;

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.Query);
    }
}
