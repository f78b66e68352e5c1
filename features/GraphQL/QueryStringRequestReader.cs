using System.Text.Json;
using GraphQL;

namespace Slices.Features.GraphQL;

/// <summary>Reads a GraphQL request from the <c>query</c>, <c>operationName</c>, <c>variables</c> and <c>extensions</c> parameters of a GET.</summary>
internal sealed class QueryStringRequestReader(IGraphQLTextSerializer serializer)
{
    public GraphRequestReadResult Read(IQueryCollection parameters)
    {
        foreach (var (name, values) in parameters)
        {
            if (values.Count > 1)
                return GraphRequestReadResult.Reject(GraphTransportError.InvalidRequest($"The parameter '{name}' appears {values.Count} times. Send it once."));
        }

        var query = parameters["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
            return GraphRequestReadResult.Reject(GraphTransportError.MissingQuery());

        if (!TryParseObjectParameter(parameters, "variables", out var variables, out var variablesError))
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidVariables(variablesError));

        if (!TryParseObjectParameter(parameters, "extensions", out var extensions, out var extensionsError))
            return GraphRequestReadResult.Reject(GraphTransportError.InvalidRequest(extensionsError));

        var operationName = parameters["operationName"].ToString();

        return GraphRequestReadResult.Accept(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions);
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
}
