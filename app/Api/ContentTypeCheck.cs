using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Slices.Api;

/// <summary>
/// Rejects a request without a Content-Type, sent to an endpoint that reads a body, with 415 and a problem-details
/// body that names the content types the endpoint takes. FastEndpoints would send an empty 415. A body of another
/// type never reaches this middleware: routing rejects it with 415, and the status-code pages describe it.
/// </summary>
public static class ContentTypeCheck
{
    public static WebApplication UseSlicesContentTypeCheck(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var accepted = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
            if (accepted is not { Count: > 0 } || HttpMethods.IsGet(http.Request.Method) || IsAccepted(http.Request.ContentType, accepted))
                return next(http);

            var received = string.IsNullOrEmpty(http.Request.ContentType) ? "no Content-Type" : $"Content-Type '{http.Request.ContentType}'";

            return ProblemResponses.SendAsync(
                http,
                StatusCodes.Status415UnsupportedMediaType,
                $"The request has {received}; send the body as {string.Join(" or ", accepted)}.");
        });

        return app;
    }

    private static bool IsAccepted(string? contentType, IReadOnlyList<string> accepted)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var requestType))
            return false;

        return accepted.Any(type => MediaTypeHeaderValue.TryParse(type, out var acceptedType) && requestType.IsSubsetOf(acceptedType));
    }
}
