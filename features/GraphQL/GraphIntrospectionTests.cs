using System.Net;
using System.Text.Json;

namespace Slices.Features.GraphQL;

/// <summary>The default limits (depth 12, complexity 5000) against the introspection queries that schema tools send.</summary>
public sealed class GraphIntrospectionTests(GraphFactory factory) : IClassFixture<GraphFactory>
{
    // The shape of the schema query that GraphiQL and other tools send: full types, directives, and type references
    // wrapped up to seven times, which makes it 15 levels deep.
    private const string SchemaQuery = """
        query Schema {
          __schema {
            queryType { name }
            mutationType { name }
            types { ...TypeDetails }
            directives { name description locations args { ...Argument } }
          }
        }
        fragment TypeDetails on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...Argument } type { ...WrappedType } isDeprecated deprecationReason }
          inputFields { ...Argument }
          interfaces { ...WrappedType }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...WrappedType }
        }
        fragment Argument on __InputValue { name description type { ...WrappedType } defaultValue }
        fragment WrappedType on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Schema_query_runs_despite_limits()
    {
        var body = await PostAsync(SchemaQuery, HttpStatusCode.OK);

        Assert.False(body.TryGetProperty("errors", out _));
        var schema = body.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Contains(schema.GetProperty("types").EnumerateArray(), type => type.GetProperty("name").GetString() == "Node");
    }

    [Fact]
    public async Task Nesting_at_max_runs()
    {
        var body = await PostAsync("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", HttpStatusCode.OK);

        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Nesting_past_max_is_rejected()
    {
        var body = await PostAsync(
            "{ __schema { types { fields { type { fields { type { possibleTypes { fields { name } } } } } } } } }",
            HttpStatusCode.BadRequest);

        Assert.Equal(MaxIntrospectionNestingRule.Code, GraphFactory.FirstErrorCode(body));
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Nesting_through_fragments_counts()
    {
        const string query = """
            { __type(name: "Query") { ...One } }
            fragment One on __Type { fields { type { ...Two } } }
            fragment Two on __Type { interfaces { ...Three } }
            fragment Three on __Type { inputFields { type { ...Four } } }
            fragment Four on __Type { fields { name } }
            """;

        var body = await PostAsync(query, HttpStatusCode.BadRequest);

        Assert.Equal(MaxIntrospectionNestingRule.Code, GraphFactory.FirstErrorCode(body));
    }

    [Fact]
    public async Task Mixed_operation_keeps_depth_limit()
    {
        const string deepTypeReference = "__type(name: \"Query\") { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }";

        var body = await PostAsync($"{{ node(id: \"none\") {{ id }} {deepTypeReference} }}", HttpStatusCode.BadRequest);

        Assert.Equal(ComplexityLimits.DepthCode, GraphFactory.FirstErrorCode(body));
    }

    private async Task<JsonElement> PostAsync(string query, HttpStatusCode expectedStatus)
    {
        using var client = await factory.CreateLoggedInClientAsync();
        using var response = await client.SendAsync(GraphFactory.PostQuery(query, accept: GraphMediaTypes.GraphQLResponseJson));
        Assert.Equal(expectedStatus, response.StatusCode);

        return await GraphFactory.ReadJsonAsync(response);
    }
}
