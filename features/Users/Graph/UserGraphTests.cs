using System.Text.Json;
using Slices.Features.GraphQL;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Users.Graph;

/// <summary>Reads over GraphQL against the seeded demo users, which no test here changes.</summary>
public sealed class UserGraphTests(UserGraphTests.Factory factory) : IClassFixture<UserGraphTests.Factory>
{
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>());

    private const string UserFields = "id full_name username primary_email primary_locale";

    private static readonly string JaneGlobalId = GlobalId.Encode("User", DemoData.JaneId);

    [Fact]
    public async Task List_users_as_admin()
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync($$"""{ listUsers { edges { cursor node { {{UserFields}} } } pageInfo { hasNextPage hasPreviousPage } } }""");

        Snapshots.MatchJson(body.ToString());
    }

    [Fact]
    public async Task List_users_is_forbidden_to_a_regular_user()
    {
        using var client = factory.CreateUserClient();

        var body = await client.GraphAsync("{ listUsers { edges { node { username } } } }");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("listUsers").ValueKind);
        Assert.Equal((GraphOutcomes.Forbidden, "Only admins may list users."), body.SingleError());
    }

    [Fact]
    public async Task List_users_pages_forward_and_backward()
    {
        using var client = factory.CreateAdminClient();

        var first = (await client.GraphAsync("{ listUsers(first: 1) { edges { cursor node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } } }")).Data("listUsers");
        var endCursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await client.GraphAsync($$"""{ listUsers(first: 1, after: "{{endCursor}}") { edges { cursor node { username } } pageInfo { hasNextPage hasPreviousPage } } }""")).Data("listUsers");
        var secondCursor = second.GetProperty("edges")[0].GetProperty("cursor").GetString();
        var back = (await client.GraphAsync($$"""{ listUsers(last: 1, before: "{{secondCursor}}") { edges { node { username } } pageInfo { hasNextPage hasPreviousPage } } }""")).Data("listUsers");

        Assert.Equal(["jane01"], first.NodeValues("username"));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["john01"], second.NodeValues("username"));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(["jane01"], back.NodeValues("username"));
        Assert.False(back.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Theory]
    [InlineData("""listUserOrders(user_id: "1Eg6d1aFL8s7", first: 1)""", "")]
    [InlineData("""listUsers(first: 1)""", """orderBy: { field: "username" }""")]
    public async Task List_users_rejects_cursor_of_another_list(string issuingList, string orderBy)
    {
        using var client = factory.CreateAdminClient();
        var issued = await client.GraphAsync($$"""{ list: {{issuingList}} { pageInfo { endCursor } } }""");
        var cursor = issued.Data("list").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var body = await client.GraphAsync($$"""{ listUsers(first: 1, after: "{{cursor}}", {{orderBy}}) { edges { node { username } } } }""");

        Assert.Equal("INVALID_CURSOR", GraphFactory.FirstErrorCode(body));
    }

    [Theory]
    [InlineData("""orderBy: { field: "username", direction: DESC }""", new[] { "john01", "jane01" })]
    [InlineData("""orderBy: { field: "created_at" }""", new[] { "jane01", "john01" })]
    [InlineData("""filterValues: { filterValuesString: "{\"username\": \"JOHN01\"}" }""", new[] { "john01" })]
    [InlineData("""filterValues: { filterValuesString: "{\"primary_locale\": \"en\", \"full_name\": \"jane doe\"}" }""", new[] { "jane01" })]
    [InlineData("""resolverArgs: [{ param: "created_from", value: "2030-01-01T00:00:00Z" }]""", new string[0])]
    public async Task List_users_takes_order_filters_and_parameters(string arguments, string[] usernames)
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync($$"""{ listUsers({{arguments}}) { edges { node { username } } } }""");

        Assert.Equal(usernames, body.Data("listUsers").NodeValues("username"));
    }

    [Fact]
    public async Task List_users_names_the_filters_it_takes()
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync("""{ listUsers(filterValues: { filterValuesString: "{\"password\": \"x\"}" }) { edges { cursor } } }""");

        Assert.Equal(
            (GraphOutcomes.InvalidArgument, "filterValues may not filter on 'password'; use full_name, username, primary_email, primary_locale."),
            body.SingleError());
    }

    [Fact]
    public async Task Viewer_is_the_logged_in_users_profile()
    {
        using var admin = factory.CreateAdminClient();
        using var user = factory.CreateUserClient();

        var jane = (await admin.GraphAsync($$"""{ viewer { {{UserFields}} } }""")).Data("viewer");
        var john = (await user.GraphAsync("{ viewer { username full_name } }")).Data("viewer");

        Snapshots.MatchJson(jane.ToString());
        Assert.Equal("john01", john.GetProperty("username").GetString());
        Assert.Equal("John Public", john.GetProperty("full_name").GetString());
    }

    [Theory]
    [InlineData("id", DemoData.JaneId)]
    [InlineData("id", "VXNlcjoxRTRZbzExWTNyOWE=")]
    [InlineData("username", "JANE01")]
    [InlineData("full_name", "jane doe")]
    [InlineData("primary_email", "JD@Example.com")]
    public async Task Get_user_looks_up_by_one_field(string field, string value)
    {
        using var client = factory.CreateAdminClient();
        var itemQuery = JsonSerializer.Serialize(new Dictionary<string, string> { [field] = value });

        var body = await client.GraphAsync("query($q: String!) { getUser(item_query: $q) { id username } }", new { q = itemQuery });

        var user = body.Data("getUser");
        Assert.Equal(JaneGlobalId, user.GetProperty("id").GetString());
        Assert.Equal("jane01", user.GetProperty("username").GetString());
    }

    [Fact]
    public async Task Get_user_hides_others_from_user()
    {
        using var client = factory.CreateUserClient();

        var jane = await client.GraphAsync("""{ getUser(item_query: "{\"username\": \"jane01\"}") { id } }""");
        var self = await client.GraphAsync("""{ getUser(item_query: "{\"username\": \"john01\"}") { username } }""");

        Assert.Equal(JsonValueKind.Null, jane.Data("getUser").ValueKind);
        Assert.Equal("john01", self.Data("getUser").GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("""{"username": "jane01", "primary_email": "jane@example.com"}""", "item_query must be a JSON object with exactly one of")]
    [InlineData("""{"username": {"$ne": ""}}""", "item_query may not look up by 'username' with a object value.")]
    [InlineData("""{"password": "jane01-demo"}""", "item_query may not look up by 'password'")]
    [InlineData("""["jane01"]""", "item_query must be a JSON object")]
    [InlineData("""jane01""", "item_query is not valid JSON.")]
    [InlineData("""{"id": "SXRlbToxSEVPeDZGbkM3Y00="}""", "The id 'SXRlbToxSEVPeDZGbkM3Y00=' is of type Item, but this argument takes an id of type User.")]
    public async Task Get_user_rejects_a_query_it_cannot_run(string itemQuery, string message)
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync("query($q: String!) { getUser(item_query: $q) { id } }", new { q = itemQuery });

        var (code, text) = body.SingleError();
        Assert.Contains(code, new[] { GraphOutcomes.InvalidArgument, "INVALID_ID" });
        Assert.StartsWith(message, text);
    }

    [Fact]
    public async Task Node_loads_a_user_the_viewer_may_see()
    {
        using var admin = factory.CreateAdminClient();
        using var user = factory.CreateUserClient();
        var query = $$"""{ node(id: "{{JaneGlobalId}}") { __typename ... on User { username } } }""";

        var seen = (await admin.GraphAsync(query)).Data("node");
        var hidden = (await user.GraphAsync(query)).Data("node");

        Assert.Equal("User", seen.GetProperty("__typename").GetString());
        Assert.Equal("jane01", seen.GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.Null, hidden.ValueKind);
    }
}
