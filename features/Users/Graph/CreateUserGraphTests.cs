using System.Text.Json;
using Slices.Features.GraphQL;
using Slices.Tests;

namespace Slices.Features.Users.Graph;

/// <summary>createUser over GraphQL: each test creates users with unique names in its own app.</summary>
public sealed class CreateUserGraphTests(CreateUserGraphTests.Factory factory) : IClassFixture<CreateUserGraphTests.Factory>
{
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>());

    private const string CreateUser = """
        mutation($input: CreateUserInput!) {
          createUser(input: $input) { user_id clientMutationId completionObj { code msg msg_id processed modified } }
        }
        """;

    [Fact]
    public async Task Create_user_stores_the_user_and_reports_success()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("ada");

        var payload = (await client.GraphAsync(CreateUser, Input(username, clientMutationId: "request-7"))).Data("createUser");
        var userId = payload.GetProperty("user_id").GetString()!;
        var stored = (await client.GraphAsync($$"""{ node(id: "{{userId}}") { ... on User { username full_name primary_email primary_locale } } }""")).Data("node");

        AssertCompletion(payload, "0", "001", "User created", modified: 1);
        Assert.Equal("request-7", payload.GetProperty("clientMutationId").GetString());
        Assert.True(GlobalId.TryDecode(userId, out var typeName, out _));
        Assert.Equal("User", typeName);
        Assert.Equal(username, stored.GetProperty("username").GetString());
        Assert.Equal("Ada Lovelace", stored.GetProperty("full_name").GetString());
        Assert.Equal($"{username}@example.com", stored.GetProperty("primary_email").GetString());
        Assert.Equal("en-GB", stored.GetProperty("primary_locale").GetString());
    }

    [Fact]
    public async Task New_user_has_role_user()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("grace");
        await client.GraphAsync(CreateUser, Input(username));

        using var newUser = factory.CreateClientWithToken(await factory.LoginAsync(username, "a-long-password"));
        var body = await newUser.GraphAsync("{ listUsers { edges { cursor } } }");

        Assert.Equal(GraphOutcomes.Forbidden, body.SingleError().Code);
    }

    [Fact]
    public async Task Taken_username_and_email_differ()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("dup");
        await client.GraphAsync(CreateUser, Input(username));

        var sameUsername = (await client.GraphAsync(CreateUser, Input(username.ToUpperInvariant(), email: "other-" + username + "@example.com"))).Data("createUser");
        var sameEmail = (await client.GraphAsync(CreateUser, Input(DemoClients.UniqueUsername("dup"), email: $"{username.ToUpperInvariant()}@EXAMPLE.com"))).Data("createUser");

        AssertCompletion(sameUsername, "1", "DU01", "username is already taken by another user.", modified: 0);
        AssertCompletion(sameEmail, "1", "DU02", "primary_email is already taken by another user.", modified: 0);
        Assert.Equal(JsonValueKind.Null, sameUsername.GetProperty("user_id").ValueKind);
    }

    [Fact]
    public async Task Invalid_user_is_not_stored()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("short");

        var payload = (await client.GraphAsync(CreateUser, Input(username, password: "short"))).Data("createUser");
        var lookup = await client.GraphAsync("query($q: String!) { getUser(item_query: $q) { id } }", new { q = JsonSerializer.Serialize(new { username }) });

        AssertCompletion(payload, "1", "EU01", "password must be 8 to 256 characters.", modified: 0);
        Assert.Equal(JsonValueKind.Null, lookup.Data("getUser").ValueKind);
    }

    [Fact]
    public async Task Regular_user_may_not_create_users()
    {
        using var client = factory.CreateUserClient();

        var payload = (await client.GraphAsync(CreateUser, Input(DemoClients.UniqueUsername("nope")))).Data("createUser");

        AssertCompletion(payload, "1", "EU01", "Only admins may create users.", modified: 0);
    }

    [Fact]
    public async Task Mutations_in_one_request_run_in_order()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("twice");
        const string twice = """
            mutation($first: CreateUserInput!, $second: CreateUserInput!) {
              first: createUser(input: $first) { completionObj { msg_id } }
              second: createUser(input: $second) { completionObj { msg_id } }
            }
            """;

        var body = await client.GraphAsync(twice, new
        {
            first = UserInput(username),
            second = UserInput(username, email: "second-" + username + "@example.com"),
        });

        Assert.Equal("001", body.Data("first").GetProperty("completionObj").GetProperty("msg_id").GetString());
        Assert.Equal("DU01", body.Data("second").GetProperty("completionObj").GetProperty("msg_id").GetString());
    }

    /// <summary>Returns the variables of <see cref="CreateUser"/>.</summary>
    private static object Input(string username, string? email = null, string password = "a-long-password", string? clientMutationId = null) =>
        new { input = UserInput(username, email, password, clientMutationId) };

    private static object UserInput(string username, string? email = null, string password = "a-long-password", string? clientMutationId = null) =>
        new
        {
            user_data = new
            {
                full_name = "Ada Lovelace",
                username,
                primary_email = email ?? $"{username}@example.com",
                primary_locale = "en-GB",
                password,
            },
            clientMutationId,
        };

    private static void AssertCompletion(JsonElement payload, string code, string msgId, string msg, int modified)
    {
        var completion = payload.GetProperty("completionObj");
        Assert.Equal(code, completion.GetProperty("code").GetString());
        Assert.Equal(msgId, completion.GetProperty("msg_id").GetString());
        Assert.Equal(msg, completion.GetProperty("msg").GetString());
        Assert.Equal(1, completion.GetProperty("processed").GetInt32());
        Assert.Equal(modified, completion.GetProperty("modified").GetInt32());
    }
}
