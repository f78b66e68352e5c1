using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Login;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Username_is_throttled_after_max_failures()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreatePlainClient();

        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, "jane01", "wrong-password")).StatusCode);

        using var response = await Login(client, "jane01", DemoData.JanePassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter!.Delta);
        Assert.Null(Cookies.TokenCookie(response));
        Assert.Contains("Too many failed logins", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Throttle_ends_with_its_window()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreatePlainClient();
        for (var attempt = 0; attempt < 3; attempt++)
            await Login(client, "jane01", "wrong-password");

        clock.Advance(TimeSpan.FromSeconds(61));
        using var response = await Login(client, "jane01", DemoData.JanePassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Address_is_throttled_across_usernames()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreatePlainClient();

        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, $"guess{attempt}", "wrong-password")).StatusCode);

        using var response = await Login(client, "john01", DemoData.JohnPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Success_clears_username_failures()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreatePlainClient();

        await Login(client, "jane01", "wrong-password");
        await Login(client, "jane01", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, (await Login(client, "jane01", DemoData.JanePassword)).StatusCode);
        await Login(client, "jane01", "wrong-password");
        await Login(client, "jane01", "wrong-password");
        using var response = await Login(client, "jane01", DemoData.JanePassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Throttled_form_login_shows_page()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreatePlainClient();
        for (var attempt = 0; attempt < 3; attempt++)
            await Login(client, "JANE01", "wrong-password");

        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "jane01",
            ["password"] = DemoData.JanePassword,
        }));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Too many failed logins", await response.Content.ReadAsStringAsync());
    }

    private AppFactory CreateFactory() => AppFactory.With(
        new Dictionary<string, string?>
        {
            ["Auth:Throttle:MaxFailuresPerUsername"] = "3",
            ["Auth:Throttle:MaxFailuresPerAddress"] = "5",
            ["Auth:Throttle:Window"] = "00:01:00",
        },
        clock);

    private static Task<HttpResponseMessage> Login(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/login", new { username, password });
}
