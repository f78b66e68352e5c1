using System.Net;
using System.Text;
using System.Text.Json;

namespace Slices.Tests;

/// <summary>Sends GraphQL requests to /graph the way a client does, and reads the responses.</summary>
public static class GraphRequests
{
    /// <summary>Posts a GraphQL request as JSON, checks that the status is 200, and returns the body.</summary>
    public static async Task<JsonElement> GraphAsync(this HttpClient client, string query, object? variables = null)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graph", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/graph answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);

        return document.RootElement.Clone();
    }

    /// <summary>Returns <c>data.{field}</c>, failing with the errors when the request had any.</summary>
    public static JsonElement Data(this JsonElement body, string field)
    {
        Assert.False(body.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");

        return body.GetProperty("data").GetProperty(field);
    }

    /// <summary>Returns the <c>extensions.code</c> and message of the only error.</summary>
    public static (string Code, string Message) SingleError(this JsonElement body)
    {
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());

        return (error.GetProperty("extensions").GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    /// <summary>Returns the nodes of a connection's edges.</summary>
    public static JsonElement[] Nodes(this JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node")).ToArray();

    /// <summary>Returns one string field of each node of a connection.</summary>
    public static string[] NodeValues(this JsonElement connection, string field) =>
        connection.Nodes().Select(node => node.GetProperty(field).GetString()!).ToArray();
}
