using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

public sealed class GraphLimitsTests(GraphLimitsTests.Factory factory) : IClassFixture<GraphLimitsTests.Factory>
{
    /// <summary>The app with small limits, so that short documents reach them.</summary>
    public sealed class Factory() : GraphFactory(new Dictionary<string, string?>
    {
        ["GraphQL:MaxDepth"] = "4",
        ["GraphQL:MaxComplexity"] = "60",
        ["GraphQL:MaxAliases"] = "3",
        ["GraphQL:MaxDocumentBytes"] = "400",
        ["GraphQL:MaxRequestBytes"] = "800",
    });

    [Fact]
    public async Task Deep_query_is_rejected()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        var body = await PostAsync(client, "{ probe(probe_id: \"probe0000001\") { child { child { child { child { label } } } } } }");

        Assert.Equal(ComplexityLimits.DepthCode, GraphFactory.FirstErrorCode(body));
        Assert.Contains("maximum allowed on this endpoint is 4", Message(body));
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Query_at_max_depth_runs()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        var body = await PostAsync(client, "{ probe(probe_id: \"probe0000001\") { child { child { label } } } }");

        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Complex_query_is_rejected()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        var body = await PostAsync(client, "{ probe(probe_id: \"probe0000001\") { siblings { siblings { label created_at } } } }");

        Assert.Equal(ComplexityLimits.ComplexityCode, GraphFactory.FirstErrorCode(body));
        Assert.Contains("maximum allowed on this endpoint is 60", Message(body));
    }

    [Fact]
    public async Task Rejection_repeats_for_same_document()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        const string query = "{ probe(probe_id: \"probe0000002\") { child { child { child { child { id } } } } } }";

        var first = await PostAsync(client, query);
        var second = await PostAsync(client, query);

        Assert.Equal(ComplexityLimits.DepthCode, GraphFactory.FirstErrorCode(first));
        Assert.Equal(ComplexityLimits.DepthCode, GraphFactory.FirstErrorCode(second));
    }

    [Fact]
    public async Task Cached_document_checks_selected_operation()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        const string document = "query Shallow { probes(first: 1) { pageInfo { hasNextPage } } } "
            + "query Deep { probe(probe_id: \"probe0000001\") { child { child { child { child { label } } } } } }";

        var shallow = await PostAsync(client, document, "Shallow");
        var deep = await PostAsync(client, document, "Deep");

        Assert.False(shallow.TryGetProperty("errors", out _));
        Assert.Equal(ComplexityLimits.DepthCode, GraphFactory.FirstErrorCode(deep));
    }

    [Fact]
    public async Task Cached_document_checks_variables()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        const string query = "query Sized($size: Int) { probes(first: $size) { edges { node { label created_at } } } }";

        var small = await PostAsync(client, query, variables: new { size = 1 });
        var large = await PostAsync(client, query, variables: new { size = 50 });

        Assert.False(small.TryGetProperty("errors", out _), small.GetRawText());
        Assert.Equal(ComplexityLimits.ComplexityCode, GraphFactory.FirstErrorCode(large));
    }

    [Fact]
    public async Task Too_many_aliases_are_rejected()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        var body = await PostAsync(client, "{ a: __typename b: __typename c: __typename d: __typename }");

        Assert.Equal(MaxAliasesRule.Code, GraphFactory.FirstErrorCode(body));
        Assert.Contains("more than 3 aliased fields", Message(body));
    }

    [Fact]
    public async Task Aliases_up_to_limit_run()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        var body = await PostAsync(client, "{ a: __typename b: __typename c: __typename }");

        Assert.Equal("Query", body.GetProperty("data").GetProperty("c").GetString());
    }

    [Fact]
    public async Task Large_document_is_413()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        var query = "{ __typename }" + new string(' ', 400);

        using var response = await client.SendAsync(GraphFactory.PostQuery(query));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("DOCUMENT_TOO_LARGE", GraphFactory.FirstErrorCode(body));
        Assert.Contains("the maximum is 400", Message(body));
    }

    [Fact]
    public async Task Large_document_over_get_is_413()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        var query = Uri.EscapeDataString("{ __typename }" + new string(' ', 400));

        using var response = await client.SendAsync(GraphFactory.Get("query=" + query));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("DOCUMENT_TOO_LARGE", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Large_body_is_413()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ __typename }", new { padding = new string('x', 900) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", GraphFactory.FirstErrorCode(await GraphFactory.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Batch_is_rejected()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Post("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await GraphFactory.ReadJsonAsync(response);
        Assert.Equal("BATCHING_NOT_SUPPORTED", GraphFactory.FirstErrorCode(body));
        Assert.Contains("one request object per HTTP request", Message(body));
    }

    [Fact]
    public async Task Valid_document_is_cached_with_size()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        const string query = "{ probe(probe_id: \"probe0000003\") { label } }";
        var cache = factory.Services.GetRequiredService<IMemoryCache>();

        await PostAsync(client, query);
        var second = await PostAsync(client, query);

        Assert.True(cache.TryGetValue("graphql-document:" + query, out _));
        Assert.Equal("third", second.GetProperty("data").GetProperty("probe").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Invalid_document_is_not_cached()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        const string query = "{ notCachedField }";
        var cache = factory.Services.GetRequiredService<IMemoryCache>();

        await PostAsync(client, query);

        Assert.False(cache.TryGetValue("graphql-document:" + query, out _));
    }

    [Fact]
    public void Invalid_settings_stop_start_up()
    {
        using var broken = new BrokenFactory();

        var failure = Assert.Throws<OptionsValidationException>(() => broken.Services.GetRequiredService<IOptions<GraphQLSettings>>().Value);

        Assert.Contains("GraphQL:MaxDepth must be at least 1", failure.Message);
        Assert.Contains("GraphQL:GraphiQLAssetBase must be an https URL", failure.Message);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, string? operationName = null, object? variables = null)
    {
        var body = JsonSerializer.Serialize(new { query, operationName, variables });
        using var response = await client.SendAsync(GraphFactory.Post(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        return await GraphFactory.ReadJsonAsync(response);
    }

    private static string Message(JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    private sealed class BrokenFactory() : GraphFactory(new Dictionary<string, string?>
    {
        ["GraphQL:MaxDepth"] = "0",
        ["GraphQL:GraphiQLAssetBase"] = "http://cdn.example.com",
    });
}
