using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

/// <summary>A GraphQL request read from HTTP, or the error that rejects it.</summary>
public sealed record GraphRequestReadResult(GraphQLRequest? Request, GraphTransportError? Error);

/// <summary>
/// Reads a GraphQL request from a GET query string or a JSON POST body, applying the CSRF guard and the size
/// limits first.
/// </summary>
public sealed class GraphRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLSettings> settings)
{
    public async Task<GraphRequestReadResult> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        var isGet = HttpMethods.IsGet(request.Method);
        var isJson = !isGet && GraphMediaTypes.IsJsonContent(request.ContentType);
        var hasPreflightHeader = request.Headers.ContainsKey(GraphMediaTypes.PreflightHeader);

        if (isGet && !hasPreflightHeader)
            return Reject(GraphTransportError.PreflightRequired("A GET request"));

        if (!isGet && !isJson && !hasPreflightHeader)
            return Reject(GraphTransportError.PreflightRequired($"A POST with content type '{request.ContentType ?? "(none)"}'"));

        if (!isGet && !isJson)
            return Reject(GraphTransportError.UnsupportedMediaType(request.ContentType));

        var read = isGet ? ReadQueryString(request.Query) : await ReadBodyAsync(request, cancellation);
        if (read.Request is null)
            return read;

        var documentBytes = Encoding.UTF8.GetByteCount(read.Request.Query!);
        if (documentBytes > settings.Value.MaxDocumentBytes)
            return Reject(GraphTransportError.DocumentTooLarge(documentBytes, settings.Value.MaxDocumentBytes));

        return read;
    }

    private GraphRequestReadResult ReadQueryString(IQueryCollection parameters)
    {
        foreach (var (name, values) in parameters)
        {
            if (values.Count > 1)
                return Reject(GraphTransportError.InvalidRequest($"The parameter '{name}' is given {values.Count} times; give it once."));
        }

        var query = parameters["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
            return Reject(GraphTransportError.MissingQuery());

        if (!TryParseObjectParameter(parameters, "variables", out var variables, out var variablesError))
            return Reject(GraphTransportError.InvalidVariables(variablesError));

        if (!TryParseObjectParameter(parameters, "extensions", out var extensions, out var extensionsError))
            return Reject(GraphTransportError.InvalidRequest(extensionsError));

        var operationName = parameters["operationName"].ToString();

        return Accept(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions);
    }

    private async Task<GraphRequestReadResult> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        var maxBytes = settings.Value.MaxRequestBytes;
        if (request.ContentLength > maxBytes)
            return Reject(GraphTransportError.RequestTooLarge(maxBytes));

        var body = await RequestBody.ReadAsync(request.Body, maxBytes, cancellation);
        if (body is null)
            return Reject(GraphTransportError.RequestTooLarge(maxBytes));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return Reject(GraphTransportError.InvalidJson(exception.Message));
        }

        using (document)
            return ReadBodyDocument(document.RootElement);
    }

    private GraphRequestReadResult ReadBodyDocument(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return Reject(GraphTransportError.BatchingNotSupported());

        if (root.ValueKind != JsonValueKind.Object)
            return Reject(GraphTransportError.InvalidRequest("The request body must be a JSON object with a 'query' member."));

        var query = Member(root, "query");
        if (query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || query.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(query.GetString()))
            return Reject(GraphTransportError.MissingQuery());

        if (query.ValueKind != JsonValueKind.String)
            return Reject(GraphTransportError.InvalidRequest("'query' must be a string that holds the GraphQL document."));

        var operationName = Member(root, "operationName");
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            return Reject(GraphTransportError.InvalidRequest("'operationName' must be a string or null."));

        var variables = Member(root, "variables");
        if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return Reject(GraphTransportError.InvalidVariables("'variables' must be a JSON object or null."));

        var extensions = Member(root, "extensions");
        if (extensions.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return Reject(GraphTransportError.InvalidRequest("'extensions' must be a JSON object or null."));

        return Accept(
            query.GetString()!,
            operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null,
            ToInputs(variables),
            ToInputs(extensions));
    }

    private bool TryParseObjectParameter(IQueryCollection parameters, string name, out Inputs? inputs, out string error)
    {
        inputs = null;
        error = "";

        var text = parameters[name].ToString();
        if (string.IsNullOrEmpty(text))
            return true;

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                error = $"The '{name}' parameter must be a JSON object.";
                return false;
            }

            inputs = ToInputs(document.RootElement);
            return true;
        }
        catch (JsonException exception)
        {
            error = $"The '{name}' parameter is not valid JSON: {exception.Message}";
            return false;
        }
    }

    private Inputs? ToInputs(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? serializer.Deserialize<Inputs>(element.GetRawText()) : null;

    private static JsonElement Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : default;

    private static GraphRequestReadResult Accept(string query, string? operationName, Inputs? variables, Inputs? extensions) =>
        new(new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);

    private static GraphRequestReadResult Reject(GraphTransportError error) => new(null, error);
}
