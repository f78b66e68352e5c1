using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Slices.Auth;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Users;

public sealed class UsersTests(UsersTests.Factory factory) : IClassFixture<UsersTests.Factory>
{
    /// <summary>One app per test class; tests that create users use unique usernames.</summary>
    public sealed class Factory : AppFactory;

    private static readonly string[] UserScrub = ["id", "created_at", "updated_at"];

    [Fact]
    public async Task Get_self_as_user_returns_profile()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync($"/users/{DemoData.JohnId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_other_user_as_user_is_404()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync($"/users/{DemoData.JaneId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Get_other_user_as_admin_returns_profile()
    {
        using var client = factory.CreateAdminClient();

        var user = await client.GetFromJsonAsync<JsonElement>($"/users/{DemoData.JohnId}");

        Assert.Equal("john01", user.GetProperty("username").GetString());
        Assert.False(user.TryGetProperty("password_hash", out _));
    }

    [Fact]
    public async Task Get_unknown_user_as_admin_is_404()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/users/NoSuchUser00");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/users/me")]
    [InlineData("/users/" + DemoData.JohnId)]
    public async Task Users_without_cookie_are_401(string path)
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_returns_stored_profile()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/users/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Me_for_missing_user_is_404()
    {
        using var client = factory.CreateClientWithToken(TestTokens.Create(userId: "GoneUser0000", username: "gone"));

        using var response = await client.GetAsync("/users/me");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no longer exists", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_as_admin_returns_201_with_location()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("ann");

        using var response = await client.PostAsJsonAsync("/users", new
        {
            full_name = "Ann Example",
            username,
            primary_email = $"{username}@example.com",
            primary_locale = "de-CH",
            password = "correct horse",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(RandomIdGenerator.Length, id.Length);
        Assert.Equal($"/users/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("user", json.RootElement.GetProperty("role").GetString());
        Assert.DoesNotContain("correct horse", body);
        Assert.DoesNotContain("password", body);
        Assert.Equal(username, json.RootElement.GetProperty("username").GetString());
        Snapshots.MatchJson(body, [.. UserScrub, "username", "primary_email"]);
    }

    [Fact]
    public async Task Created_user_can_log_in()
    {
        using var admin = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("login");
        using var created = await admin.PostAsJsonAsync("/users", NewUser(username, role: "admin"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var token = await factory.LoginAsync(username, "long enough");

        Assert.Equal("admin", TestTokens.Read(token).GetClaim("role").Value);
    }

    [Fact]
    public async Task Create_is_logged_with_ids()
    {
        var logger = new CapturingLogger<CreateUserHandler>();
        var handler = new CreateUserHandler(factory.Services.GetRequiredService<UserStore>(), new Passwords(), TimeProvider.System, logger);
        var input = new CreateUserInput { FullName = "Logged User", Username = DemoClients.UniqueUsername("logged"), PrimaryEmail = $"{Guid.NewGuid():N}@example.com", Password = "long enough" };

        var outcome = await handler.ExecuteAsync(new CreateUserCommand(new Viewer(DemoData.JaneId, Roles.Admin), input), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("User {UserId} created by {ActorId}", entry.Template);
        Assert.Equal(outcome.Value!.Id, entry.Properties["UserId"]);
        Assert.Equal(DemoData.JaneId, entry.Properties["ActorId"]);
        Assert.DoesNotContain(logger.Entries, logged => logged.Message.Contains("long enough", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_refusal_is_logged()
    {
        var logger = new CapturingLogger<CreateUserHandler>();
        var handler = new CreateUserHandler(factory.Services.GetRequiredService<UserStore>(), new Passwords(), TimeProvider.System, logger);

        var outcome = await handler.ExecuteAsync(new CreateUserCommand(new Viewer(DemoData.JohnId, Roles.User), new CreateUserInput()), CancellationToken.None);

        Assert.Equal(Api.OutcomeStatus.Forbidden, outcome.Status);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(DemoData.JohnId, entry.Properties["ActorId"]);
    }

    [Fact]
    public async Task Create_as_user_is_403()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsJsonAsync("/users", NewUser(DemoClients.UniqueUsername()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Invalid_create_as_user_is_403()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsJsonAsync("/users", new { username = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_without_cookie_is_401()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/users", NewUser(DemoClients.UniqueUsername()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static object NewUser(string username, string password = "long enough", string role = "user") => new
    {
        full_name = "Test User",
        username,
        primary_email = $"{username}@example.com",
        password,
        role,
    };
}
