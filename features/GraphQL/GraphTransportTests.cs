using System.Net;
using System.Text.Json;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.GraphQL;

public sealed class GraphTransportTests(GraphFactory factory) : IClassFixture<GraphFactory>
{
    private const string ProbeQuery = "query ProbeLabel { probe(probe_id: \"probe0000001\") { label } }";

    [Fact]
    public async Task Post_json_returns_data()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery(ProbeQuery));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("first", body.GetProperty("data").GetProperty("probe").GetProperty("label").GetString());
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Accept_selects_graphql_response_json()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery(ProbeQuery, accept: "application/graphql-response+json, application/json;q=0.9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Accept_preferring_json_gets_json()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery(ProbeQuery, accept: "application/json, application/graphql-response+json;q=0.5"));

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_with_variables_and_operation_name()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        var body = JsonSerializer.Serialize(new
        {
            query = "query A { probeViewer { id } } query B($id: ID!) { probe(probe_id: $id) { label } }",
            operationName = "B",
            variables = new { id = "probe0000002" },
        });

        using var response = await client.SendAsync(GraphFactory.Post(body));

        var json = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("second", json.GetProperty("data").GetProperty("probe").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Get_query_with_preflight_returns_data()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        var variables = Uri.EscapeDataString("""{"id":"probe0000003"}""");
        var query = Uri.EscapeDataString("query($id: ID!) { probe(probe_id: $id) { label } }");

        using var response = await client.SendAsync(GraphFactory.Get($"query={query}&variables={variables}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("third", body.GetProperty("data").GetProperty("probe").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Get_without_preflight_is_400()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Get("query=" + Uri.EscapeDataString(ProbeQuery), preflight: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("CSRF_PREFLIGHT_REQUIRED", GraphFactory.FirstErrorCode(body));
        Assert.Contains("GraphQL-Require-Preflight", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "query=%7Bprobes%7BpageInfo%7BhasNextPage%7D%7D%7D")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ __typename }\r\n--x--")]
    [InlineData("text/plain", """{"query":"{ __typename }"}""")]
    [InlineData("application/json; charset=latin1", """{"query":"{ __typename }"}""")]
    public async Task Post_not_json_without_preflight_is_400(string contentType, string body)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Post(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await GraphFactory.ReadJsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("CSRF_PREFLIGHT_REQUIRED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.EndsWith("Send the request as application/json.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_not_json_with_preflight_is_415()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        using var request = GraphFactory.Post("""{"query":"{ __typename }"}""", "text/plain");
        request.Headers.Add(GraphMediaTypes.PreflightHeader, "1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Get_mutation_is_405()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Get("query=" + Uri.EscapeDataString("mutation { probeEcho(text: \"hi\") }")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Get_mutation_is_405_after_post_cached_it()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        const string mutation = "mutation Cached { probeEcho(text: \"cached\") }";

        using var posted = await client.SendAsync(GraphFactory.PostQuery(mutation));
        using var fetched = await client.SendAsync(GraphFactory.Get("query=" + Uri.EscapeDataString(mutation)));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, fetched.StatusCode);
    }

    [Fact]
    public async Task Post_mutation_returns_data()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("mutation { probeEcho(text: \"hello\") }"));

        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("hello", body.GetProperty("data").GetProperty("probeEcho").GetString());
    }

    [Theory]
    [InlineData("""{"variables":{}}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":"   "}""")]
    public async Task Post_without_query_is_400(string body)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MISSING_QUERY", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Get_without_query_is_400()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Get("operationName=A"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MISSING_QUERY", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Get_with_invalid_variables_json_is_400()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Get("query=%7B__typename%7D&variables=%7Bnot-json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("INVALID_VARIABLES", GraphFactory.FirstErrorCode(body));
        Assert.Contains("'variables' parameter is not valid JSON", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_with_array_variables_is_400()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Post("""{"query":"{ __typename }","variables":[1]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_VARIABLES", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Theory]
    [InlineData("""{"query": """)]
    [InlineData("not json")]
    public async Task Post_with_invalid_json_is_400(string body)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST_JSON", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    public async Task Syntax_error_status_follows_media_type(string accept, HttpStatusCode expected)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ probe(", accept: accept));

        Assert.Equal(expected, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("SYNTAX_ERROR", GraphFactory.FirstErrorCode(body));
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    public async Task Validation_error_status_follows_media_type(string accept, HttpStatusCode expected)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ noSuchField }", accept: accept));

        Assert.Equal(expected, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", GraphFactory.FirstErrorCode(body));
    }

    [Fact]
    public async Task Execution_error_returns_partial_data()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery(
            "{ probe(probe_id: \"probe0000001\") { label fail } }",
            accept: "application/graphql-response+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        var probe = body.GetProperty("data").GetProperty("probe");
        Assert.Equal("first", probe.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, probe.GetProperty("fail").ValueKind);
        Assert.Equal("PROBE_FAILED", GraphFactory.FirstErrorCode(body));
        Assert.Equal("The probe failed as asked.", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unhandled_exception_hides_details()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ probe(probe_id: \"probe0000001\") { crash } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Probe internals", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
        Snapshots.MatchJson(text);
    }

    [Fact]
    public async Task Viewer_comes_from_token_claims()
    {
        using var client = await factory.CreateLoggedInClientAsync("john01", DemoData.JohnPassword);

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ probeViewer { id username locale role } }"));

        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }
}
