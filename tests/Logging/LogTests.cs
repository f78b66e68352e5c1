using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slices.Store;

namespace Slices.Tests.Logging;

public sealed class LogTests
{
    [Fact]
    public async Task Logs_hold_no_secrets()
    {
        var factory = new AppFactory();
        var token = await factory.LoginAsync("jane01", DemoData.JanePassword);
        using (var client = factory.CreateClientWithToken(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/logout", null)).StatusCode);
        }

        using (var client = factory.CreatePlainClient())
        {
            await client.PostAsJsonAsync("/login", new { username = "jane01", password = "typo-in-secret-pass" });
            await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "john01",
                ["password"] = DemoData.JohnPassword,
                ["returnUrl"] = "/me",
            }));
        }

        using (var client = factory.CreateClientWithToken(token + "tampered"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me")).StatusCode);

        await factory.DisposeAsync();
        var log = string.Join('\n', factory.ReadLogLines());

        Assert.Contains("Login succeeded", log);
        Assert.Contains("Login failed", log);
        Assert.DoesNotContain(DemoData.JanePassword, log);
        Assert.DoesNotContain(DemoData.JohnPassword, log);
        Assert.DoesNotContain("typo-in-secret-pass", log);
        Assert.DoesNotContain(token, log);
        Assert.DoesNotContain(token.Split('.')[1], log);
        Assert.DoesNotContain(token.Split('.')[2], log);
        Assert.DoesNotContain("eyJ", log);
        Assert.DoesNotContain("token=", log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_log_has_request_and_user_ids()
    {
        var factory = new AppFactory();
        var token = await factory.LoginAsync("john01", DemoData.JohnPassword);
        using (var client = factory.CreateClientWithToken(token))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);

        await factory.DisposeAsync();
        var events = factory.ReadLogLines().Select(line => JsonDocument.Parse(line).RootElement).ToArray();

        var request = Assert.Single(events, entry => Text(entry, "RequestPath") == "/me");
        Assert.Equal(DemoData.JohnId, Text(request, "UserId"));
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(Text(request, "RequestId")));
        Assert.True(request.TryGetProperty("Elapsed", out _));

        var login = Assert.Single(events, entry => Text(entry, "@mt")?.StartsWith("Login succeeded", StringComparison.Ordinal) == true);
        Assert.Equal("john01", Text(login, "Username"));
        Assert.Equal(DemoData.JohnId, Text(login, "UserId"));
        Assert.False(string.IsNullOrEmpty(Text(login, "ClientAddress")));
        Assert.False(string.IsNullOrEmpty(Text(login, "RequestId")));
    }

    private static string? Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) ? value.ToString() : null;
}
