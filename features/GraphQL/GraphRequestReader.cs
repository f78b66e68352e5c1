using System.Text;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

/// <summary>A GraphQL request read from HTTP, or the error that rejects it.</summary>
public sealed record GraphRequestReadResult(GraphQLRequest? Request, GraphTransportError? Error)
{
    public static GraphRequestReadResult Accept(string query, string? operationName, Inputs? variables, Inputs? extensions) =>
        new(new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);

    public static GraphRequestReadResult Reject(GraphTransportError error) => new(null, error);
}

/// <summary>
/// Reads a GraphQL request from a GET query string or a JSON POST body, applying the CSRF guard and the size
/// limits first.
/// </summary>
public sealed class GraphRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLSettings> settings)
{
    private readonly QueryStringRequestReader queryStringReader = new(serializer);
    private readonly JsonBodyRequestReader bodyReader = new(serializer);

    public async Task<GraphRequestReadResult> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        var isGet = HttpMethods.IsGet(request.Method);
        var isJson = !isGet && GraphMediaTypes.IsJsonContent(request.ContentType);
        var hasPreflightHeader = request.Headers.ContainsKey(GraphMediaTypes.PreflightHeader);

        if (isGet && !hasPreflightHeader)
            return GraphRequestReadResult.Reject(GraphTransportError.PreflightRequiredForGet());

        if (!isGet && !isJson && !hasPreflightHeader)
            return GraphRequestReadResult.Reject(GraphTransportError.PreflightRequiredForPost(request.ContentType));

        if (!isGet && !isJson)
            return GraphRequestReadResult.Reject(GraphTransportError.UnsupportedMediaType(request.ContentType));

        var read = isGet
            ? queryStringReader.Read(request.Query)
            : await bodyReader.ReadAsync(request, settings.Value.MaxRequestBytes, cancellation);
        if (read.Request is null)
            return read;

        var documentBytes = Encoding.UTF8.GetByteCount(read.Request.Query!);
        if (documentBytes > settings.Value.MaxDocumentBytes)
            return GraphRequestReadResult.Reject(GraphTransportError.DocumentTooLarge(documentBytes, settings.Value.MaxDocumentBytes));

        return read;
    }
}
