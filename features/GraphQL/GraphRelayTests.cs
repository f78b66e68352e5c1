using System.Text.Json;

namespace Slices.Features.GraphQL;

public sealed class GraphRelayTests(GraphFactory factory) : IClassFixture<GraphFactory>
{
    private static readonly string SecondProbeId = GlobalId.Encode("Probe", "probe0000002");

    [Fact]
    public void Global_id_is_base64_of_type_and_id()
    {
        var id = GlobalId.Encode("User", "1E4Yo11Y3r9a");

        Assert.Equal("VXNlcjoxRTRZbzExWTNyOWE=", id);
        Assert.True(GlobalId.TryDecode(id, out var typeName, out var rawId));
        Assert.Equal("User", typeName);
        Assert.Equal("1E4Yo11Y3r9a", rawId);
    }

    [Theory]
    [InlineData("1E4Yo11Y3r9a")]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8=")]
    [InlineData("dXNlcjox")]
    [InlineData("VXNlcjo=")]
    public void Raw_id_is_not_a_global_id(string id)
    {
        Assert.False(GlobalId.TryDecode(id, out _, out _));
    }

    [Theory]
    [InlineData("probe0000002")]
    [InlineData("UHJvYmU6cHJvYmUwMDAwMDAy")]
    public async Task Node_loads_by_global_or_raw_id(string id)
    {
        var body = await QueryAsync($$"""{ node(id: "{{id}}") { id __typename ... on Probe { label } } }""");

        var node = body.GetProperty("data").GetProperty("node");
        Assert.Equal(SecondProbeId, node.GetProperty("id").GetString());
        Assert.Equal("Probe", node.GetProperty("__typename").GetString());
        Assert.Equal("second", node.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("nothing-here")]
    [InlineData("R2hvc3Q6cHJvYmUwMDAwMDAx")]
    [InlineData("UHJvYmU6bWlzc2luZw==")]
    public async Task Node_with_unknown_id_is_null(string id)
    {
        var body = await QueryAsync($$"""{ node(id: "{{id}}") { id } }""");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("node").ValueKind);
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("probe0000002")]
    [InlineData("UHJvYmU6cHJvYmUwMDAwMDAy")]
    public async Task Id_argument_takes_global_or_raw_id(string id)
    {
        var body = await QueryAsync($$"""{ probe(probe_id: "{{id}}") { label } }""");

        Assert.Equal("second", body.GetProperty("data").GetProperty("probe").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Id_argument_rejects_other_type()
    {
        var userId = GlobalId.Encode("User", "probe0000002");

        var body = await QueryAsync($$"""{ probe(probe_id: "{{userId}}") { label } }""");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("probe").ValueKind);
        Assert.Equal("INVALID_ID", GraphFactory.FirstErrorCode(body));
        Assert.Contains("is of type User, but this argument takes an id of type Probe", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Connection_pages_by_cursor()
    {
        const string fields = "edges { cursor node { label } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

        var first = (await QueryAsync($$"""{ probes(first: 2) { {{fields}} } }""")).GetProperty("data").GetProperty("probes");
        var endCursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await QueryAsync($$"""{ probes(first: 2, after: "{{endCursor}}") { {{fields}} } }""")).GetProperty("data").GetProperty("probes");

        Assert.Equal(["first", "second"], Labels(first));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(first.GetProperty("edges")[0].GetProperty("cursor").GetString(), first.GetProperty("pageInfo").GetProperty("startCursor").GetString());
        Assert.Equal(["third"], Labels(second));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Theory]
    [InlineData("first: 101", "INVALID_PAGING")]
    [InlineData("first: 0", "INVALID_PAGING")]
    [InlineData("first: 1, last: 1", "INVALID_PAGING")]
    [InlineData("after: \"bm90LWEtY3Vyc29y\"", "INVALID_CURSOR")]
    [InlineData("after: \"%%%\"", "INVALID_CURSOR")]
    public async Task Invalid_paging_is_rejected(string arguments, string code)
    {
        var body = await QueryAsync($$"""{ probes({{arguments}}) { pageInfo { hasNextPage } } }""");

        Assert.Equal(code, GraphFactory.FirstErrorCode(body));
    }

    [Fact]
    public async Task Connection_pages_backward_from_the_end()
    {
        var last = (await QueryAsync("""{ probes(last: 2) { edges { cursor node { label } } pageInfo { hasNextPage hasPreviousPage } } }""")).GetProperty("data").GetProperty("probes");
        var startCursor = last.GetProperty("edges")[0].GetProperty("cursor").GetString();
        var before = (await QueryAsync($$"""{ probes(last: 2, before: "{{startCursor}}") { edges { node { label } } pageInfo { hasPreviousPage } } }""")).GetProperty("data").GetProperty("probes");

        Assert.Equal(["second", "third"], Labels(last));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["first"], Labels(before));
        Assert.False(before.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Order_by_descending_reverses_the_list()
    {
        var body = await QueryAsync("""{ probes(orderBy: { field: "created_at", direction: DESC }) { edges { node { label } } } }""");

        Assert.Equal(["third", "second", "first"], Labels(body.GetProperty("data").GetProperty("probes")));
    }

    [Fact]
    public async Task Filter_values_and_resolver_args_narrow_the_list()
    {
        var filtered = await QueryAsync("""{ probes(filterValues: { filterValuesString: "{\"label\": \"second\"}" }) { edges { node { label } } pageInfo { hasNextPage hasPreviousPage } } }""");
        var ranged = await QueryAsync("""{ probes(first: 1, resolverArgs: [{ param: "created_from", value: "2018-01-15T00:00:00Z" }]) { edges { node { label } } pageInfo { hasNextPage } } }""");

        var probes = filtered.GetProperty("data").GetProperty("probes");
        Assert.Equal(["second"], Labels(probes));
        Assert.False(probes.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(probes.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(["second"], Labels(ranged.GetProperty("data").GetProperty("probes")));
        Assert.True(ranged.GetProperty("data").GetProperty("probes").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("""orderBy: { field: "label" }""", "orderBy.field 'label' is not sortable here; use one of created_at.")]
    [InlineData("""filterValues: { filterValuesString: "{\"owner\": \"x\"}" }""", "filterValues may not filter on 'owner'; use label.")]
    [InlineData("""filterValues: { filterValuesString: "{\"label\": {\"$ne\": \"x\"}}" }""", "filterValues 'label' must be a string, number or boolean to match exactly; operators and lists are not supported.")]
    [InlineData("""filterValues: { filterValuesString: "[1]" }""", "filterValues.filterValuesString must be a JSON object")]
    [InlineData("""filterValues: { filterValuesString: "{\"label\": \"first\", \"label\": \"second\"}" }""", "filterValues names 'label' more than once; give each field one value.")]
    [InlineData("""filterValues: { filterValuesString: "{label" }""", "filterValues.filterValuesString is not valid JSON")]
    [InlineData("""resolverArgs: [{ param: "user_id", value: "x" }]""", "resolverArgs param 'user_id' is not known; use created_from.")]
    [InlineData("""resolverArgs: [{ param: "created_from" }]""", "resolverArgs param 'created_from' needs a value.")]
    [InlineData("""resolverArgs: [{ param: "created_from", value: "yesterday" }]""", "resolverArgs param 'created_from' must be an ISO 8601 date")]
    public async Task List_arguments_a_list_does_not_take_are_named(string arguments, string message)
    {
        var body = await QueryAsync($$"""{ probes({{arguments}}) { edges { cursor } } }""");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Equal("INVALID_ARGUMENT", GraphFactory.FirstErrorCode(body));
        Assert.StartsWith(message, body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task DateTime_is_written_in_utc()
    {
        var body = await QueryAsync("""{ probe(probe_id: "probe0000002") { created_at } }""");

        Assert.Equal("2018-02-01T06:00:00Z", body.GetProperty("data").GetProperty("probe").GetProperty("created_at").GetString());
    }

    [Theory]
    [InlineData("2018-02-01T08:00:00+02:00", "2018-02-01T06:00:00Z")]
    [InlineData("2018-02-01T08:00:00.5Z", "2018-02-01T08:00:00.5Z")]
    public async Task DateTime_input_is_converted_to_utc(string input, string expected)
    {
        var body = await QueryAsync($$"""{ probeEchoDate(value: "{{input}}") }""");

        Assert.Equal(expected, body.GetProperty("data").GetProperty("probeEchoDate").GetString());
    }

    [Theory]
    [InlineData("2018-02-01T08:00:00")]
    [InlineData("2018-02-01")]
    [InlineData("yesterday")]
    public async Task DateTime_without_zone_is_rejected(string input)
    {
        var body = await QueryAsync($$"""{ probeEchoDate(value: "{{input}}") }""");

        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", GraphFactory.FirstErrorCode(body));
        Assert.Contains("Expected type 'DateTime'", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    private async Task<JsonElement> QueryAsync(string query)
    {
        using var client = await factory.CreateLoggedInClientAsync();
        using var response = await client.SendAsync(GraphFactory.PostQuery(query));

        return await GraphFactory.ReadJsonAsync(response);
    }

    private static string[] Labels(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").GetProperty("label").GetString()!).ToArray();
}
