namespace Slices.Features.Login;

/// <summary>Keeps the redirect after login on this site.</summary>
public static class ReturnUrl
{
    private const int MaxDecodingRounds = 3;

    /// <summary>
    /// Returns <paramref name="returnUrl"/> when it is a local path, otherwise "/". Absolute URLs, scheme-relative
    /// <c>//host</c>, <c>/\host</c>, control characters and their percent-encoded forms are all rejected.
    /// </summary>
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl))
            return "/";

        // Check every decoding of the value, because a browser or proxy may decode it once more before use.
        var candidate = returnUrl;
        for (var round = 0; round < MaxDecodingRounds; round++)
        {
            if (!IsLocalPath(candidate))
                return "/";

            var decoded = Uri.UnescapeDataString(candidate);
            if (decoded == candidate)
                return returnUrl;

            candidate = decoded;
        }

        return "/";
    }

    private static bool IsLocalPath(string url)
    {
        if (url.Length == 0 || url[0] != '/')
            return false;

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
            return false;

        return !url.Any(character => character == '\\' || char.IsControl(character) || char.IsWhiteSpace(character));
    }
}
