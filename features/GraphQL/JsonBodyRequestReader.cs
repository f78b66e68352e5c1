using System.Text.Json;
using GraphQL;

namespace Slices.Features.GraphQL;

/// <summary>Reads a GraphQL request from a JSON POST body: one object with <c>query</c>, <c>operationName</c>, <c>variables</c> and <c>extensions</c>.</summary>
internal sealed class JsonBodyRequestReader(IGraphQLTextSerializer serializer)
{
    public async Task<GraphRequestReadResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellation)
    {
        if (request.ContentLength > maxBytes)
            return GraphRequestReadResult.Reject(GraphTransportError.RequestTooLarge(maxBytes));

        var body = await RequestBody.ReadAsync(request.Body, maxBytes, cancellation);
        if (body is null)
            return GraphRequestReadResult.Reject(GraphTransportError.RequestTooLarge(maxBytes));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidJson(exception.Message));
        }

        using (document)
            return ReadBodyDocument(document.RootElement);
    }

    private GraphRequestReadResult ReadBodyDocument(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return GraphRequestReadResult.Reject(GraphTransportError.BatchingNotSupported());

        if (root.ValueKind != JsonValueKind.Object)
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidRequest("The request body must be a JSON object with a 'query' member."));

        var query = Member(root, "query");
        if (query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || query.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(query.GetString()))
            return GraphRequestReadResult.Reject(GraphTransportError.MissingQuery());

        if (query.ValueKind != JsonValueKind.String)
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidRequest("'query' must be a string that contains the GraphQL document."));

        var operationName = Member(root, "operationName");
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidRequest("'operationName' must be a string or null."));

        var variables = Member(root, "variables");
        if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidVariables("'variables' must be a JSON object or null."));

        var extensions = Member(root, "extensions");
        if (extensions.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidRequest("'extensions' must be a JSON object or null."));

        return GraphRequestReadResult.Accept(
            query.GetString()!,
            operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null,
            ToInputs(variables),
            ToInputs(extensions));
    }

    private Inputs? ToInputs(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? serializer.Deserialize<Inputs>(element.GetRawText()) : null;

    private static JsonElement Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : default;
}
