namespace Slices.Features.GraphQL;

/// <summary>A request that the transport rejects before execution: the HTTP status and the GraphQL error it gets.</summary>
public sealed record GraphTransportError(int StatusCode, string Code, string Message)
{
    /// <summary>A GET without the preflight header: a cross-site link or image could send it with the cookie.</summary>
    public static GraphTransportError PreflightRequiredForGet() => new(
        StatusCodes.Status400BadRequest,
        CsrfCode,
        $"A GET request is accepted only with a '{GraphMediaTypes.PreflightHeader}' header, which a cross-site link cannot send. Add the header, or POST the request as application/json.");

    /// <summary>A POST that is not JSON and has no preflight header: a cross-site form could send it with the cookie.</summary>
    public static GraphTransportError PreflightRequiredForPost(string? contentType) => new(
        StatusCodes.Status400BadRequest,
        CsrfCode,
        $"A POST with content type '{contentType ?? "(none)"}' is rejected, because a cross-site form can send one. Send the request as application/json.");

    private const string CsrfCode = "CSRF_PREFLIGHT_REQUIRED";

    public static GraphTransportError UnsupportedMediaType(string? contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        "UNSUPPORTED_MEDIA_TYPE",
        $"The content type '{contentType ?? "(none)"}' is not supported; send the request as application/json in UTF-8.");

    public static GraphTransportError RequestTooLarge(long maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        "REQUEST_TOO_LARGE",
        $"The request body is larger than {maxBytes} bytes, the maximum this server accepts.");

    public static GraphTransportError DocumentTooLarge(int bytes, int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        "DOCUMENT_TOO_LARGE",
        $"The GraphQL document is {bytes} bytes; the maximum is {maxBytes}.");

    public static GraphTransportError InvalidJson(string detail) => new(
        StatusCodes.Status400BadRequest,
        "INVALID_REQUEST_JSON",
        $"The request body is not valid JSON: {detail}");

    public static GraphTransportError BatchingNotSupported() => new(
        StatusCodes.Status400BadRequest,
        "BATCHING_NOT_SUPPORTED",
        "Batched requests (a JSON array) are not supported; send one request object per HTTP request.");

    public static GraphTransportError InvalidRequest(string detail) => new(
        StatusCodes.Status400BadRequest,
        "INVALID_REQUEST",
        detail);

    public static GraphTransportError MissingQuery() => new(
        StatusCodes.Status400BadRequest,
        "MISSING_QUERY",
        "The request has no 'query'; send the GraphQL document in the 'query' member or parameter.");

    public static GraphTransportError InvalidVariables(string detail) => new(
        StatusCodes.Status400BadRequest,
        "INVALID_VARIABLES",
        detail);
}
