using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slices.Tests;

namespace Slices.Features.Users;

public sealed class CreateUserValidationTests(CreateUserValidationTests.Factory factory) : IClassFixture<CreateUserValidationTests.Factory>
{
    /// <summary>One app per test class; tests that create users use unique usernames.</summary>
    public sealed class Factory : AppFactory;

    [Theory]
    [InlineData("username", "ab")]
    [InlineData("username", "has space")]
    [InlineData("username", "this_username_is_much_too_long_xy")]
    [InlineData("primary_email", "not-an-email")]
    [InlineData("primary_email", "a b@example.com")]
    [InlineData("primary_locale", "xx-NOTREAL")]
    [InlineData("primary_locale", "")]
    [InlineData("password", "short")]
    [InlineData("role", "root")]
    [InlineData("full_name", "")]
    public async Task Invalid_field_is_400_naming_it(string field, string value)
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body[field] = value;

        using var response = await client.PostAsJsonAsync("/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorNames(response));
    }

    [Fact]
    public async Task Password_over_256_characters_is_400()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body["password"] = new string('p', 257);

        using var response = await client.PostAsJsonAsync("/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password"], await ErrorNames(response));
    }

    [Fact]
    public async Task Empty_body_lists_every_missing_field()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/users", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Taken_username_is_409_naming_it()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body["username"] = "JANE01";

        using var response = await client.PostAsJsonAsync("/users", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Taken_email_is_409_naming_it()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body["primary_email"] = "JP@example.com";

        using var response = await client.PostAsJsonAsync("/users", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["primary_email"], await ErrorNames(response));
    }

    [Theory]
    [InlineData("{\"username\": ", "The request body is not valid JSON")]
    [InlineData("{\"username\": 5}", "The value of 'username' is not of the expected type or format.")]
    [InlineData("[1, 2]", "The request body must be a JSON object.")]
    public async Task Malformed_json_is_400(string json, string message)
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PostAsync("/users", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PostAsync("/users", new StringContent("username=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("send the body as application/json", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/users", "application/json")]
    [InlineData("/orders", "application/json")]
    [InlineData("/login", "application/json or application/x-www-form-urlencoded")]
    public async Task Missing_content_type_is_415_naming_types(string path, string types)
    {
        using var client = factory.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"The request has no Content-Type; send the body as {types}.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_needs_no_content_type()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.PostAsync("/logout", content: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_limit_is_413()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body["full_name"] = new string('x', 1024 * 1024);

        using var response = await client.PostAsync("/users", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

        Assert.NotNull(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Chunked_body_over_limit_is_413()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body["full_name"] = new string('x', 1024 * 1024);

        // JsonContent streams the body without a Content-Length.
        using var response = await client.PostAsJsonAsync("/users", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Body_under_limit_is_read()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();
        body["full_name"] = new string('x', 900 * 1024);

        using var response = await client.PostAsJsonAsync("/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["full_name"], await ErrorNames(response));
    }

    [Fact]
    public async Task Parallel_creates_of_one_username_store_one_user()
    {
        using var client = factory.CreateAdminClient();
        var body = ValidUser();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.PostAsJsonAsync("/users", body)));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        var users = factory.Services.GetRequiredService<Store.UserStore>();
        Assert.Single(users.All(), user => user.Username == (string)body["username"]);
        foreach (var response in responses)
            response.Dispose();
    }

    private static Dictionary<string, object> ValidUser()
    {
        var username = DemoClients.UniqueUsername("valid");

        return new Dictionary<string, object>
        {
            ["full_name"] = "Valid User",
            ["username"] = username,
            ["primary_email"] = $"{username}@example.com",
            ["password"] = "long enough",
        };
    }

    private static async Task<string[]> ErrorNames(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        return json.RootElement.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("name").GetString()!).ToArray();
    }
}
