using Microsoft.Net.Http.Headers;

namespace Slices.Features.GraphQL;

/// <summary>Media types and headers of the GraphQL-over-HTTP transport.</summary>
public static class GraphMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Header that a GET or a non-JSON POST must carry. Browsers send custom headers cross-site only after a CORS
    /// preflight, so its presence shows the request did not come from another site's form or link.
    /// </summary>
    public const string PreflightHeader = "GraphQL-Require-Preflight";

    /// <summary>
    /// Returns the response media type: <c>application/graphql-response+json</c> when the Accept header lists it at
    /// least as high as <c>application/json</c>, otherwise <c>application/json</c>, also when Accept is missing or
    /// lists neither.
    /// </summary>
    public static string Negotiate(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        var graphQLQuality = Quality(accepted, GraphQLResponseJson);
        var jsonQuality = Quality(accepted, Json);

        return graphQLQuality > 0 && graphQLQuality >= jsonQuality ? GraphQLResponseJson : Json;
    }

    /// <summary>True for <c>application/json</c> with no charset or a UTF-8 charset.</summary>
    public static bool IsJsonContent(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
            return false;

        var charset = mediaType.Charset.Value;

        return mediaType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static double Quality(IList<MediaTypeHeaderValue> accepted, string mediaType) =>
        accepted
            .Where(value => value.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(value => value.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();
}
