using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Login;

public sealed class LoginTests(LoginTests.Factory factory) : IClassFixture<LoginTests.Factory>
{
    /// <summary>The app with limits high enough that failed logins in these tests never throttle each other.</summary>
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>
    {
        ["Auth:Throttle:MaxFailuresPerUsername"] = "1000",
        ["Auth:Throttle:MaxFailuresPerAddress"] = "1000",
    });

    [Fact]
    public async Task Json_login_returns_viewer()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = DemoData.JanePassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal(DemoData.JaneId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal("admin", json.RootElement.GetProperty("role").GetString());
        var expiresAt = json.RootElement.GetProperty("expires_at").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Snapshots.MatchJson(body, ["expires_at"]);
    }

    [Fact]
    public async Task Login_sets_http_only_cookie()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = DemoData.JanePassword });

        var cookie = Cookies.TokenCookie(response);
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Equal(TimeSpan.FromMinutes(15), cookie.MaxAge);
        Assert.NotNull(cookie.Expires);
        Assert.False(cookie.Secure, "Over http the SameAsRequest setting leaves Secure off.");
    }

    [Fact]
    public async Task Login_cookie_is_secure_over_https()
    {
        using var client = factory.CreatePlainClient("https://localhost");

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = DemoData.JanePassword });

        Assert.True(Cookies.TokenCookie(response)!.Secure);
    }

    [Fact]
    public async Task Login_cookie_is_secure_when_always_configured()
    {
        await using var secureFactory = AppFactory.With(new Dictionary<string, string?> { ["Auth:Cookie:Secure"] = "Always" });
        using var client = secureFactory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = DemoData.JanePassword });

        Assert.True(Cookies.TokenCookie(response)!.Secure);
    }

    [Fact]
    public async Task Token_carries_user_claims()
    {
        var token = TestTokens.Read(await factory.LoginAsync("john01", DemoData.JohnPassword));

        Assert.Equal("RS256", token.Alg);
        Assert.Equal(TestKeys.KeyId, token.Kid);
        Assert.Equal(DemoData.JohnId, token.Subject);
        Assert.Equal("john01", token.GetClaim("name").Value);
        Assert.Equal("en", token.GetClaim("locale").Value);
        Assert.Equal("user", token.GetClaim("role").Value);
        Assert.Equal("slices", token.Issuer);
        Assert.Equal(["slices-api"], token.Audiences);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task Form_login_redirects_to_return_url()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", Form("jane01", DemoData.JanePassword, "/me?x=1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me?x=1", response.Headers.Location!.OriginalString);
        Assert.NotNull(Cookies.TokenCookie(response));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/me")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%2Fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task Form_login_rejects_foreign_return_url(string returnUrl)
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", Form("jane01", DemoData.JanePassword, returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_is_401()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = "not-her-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(Cookies.TokenCookie(response));
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Unknown_user_gets_same_answer()
    {
        using var client = factory.CreatePlainClient();

        using var unknown = await client.PostAsJsonAsync("/login", new { username = "nobody", password = "whatever-password" });
        using var wrong = await client.PostAsJsonAsync("/login", new { username = "jane01", password = "whatever-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await Detail(wrong), await Detail(unknown));
    }

    [Fact]
    public async Task Form_login_failure_shows_error_page()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", Form("jane01", "not-her-password", "/me"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(Cookies.TokenCookie(response));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The username or password is incorrect.", page);
        Assert.Contains("value=\"jane01\"", page);
        Assert.Contains("name=\"returnUrl\" value=\"/me\"", page);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", new StringContent("{\"username\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"username": 123, "password": true}""", "The value of 'username' is not of the expected type or format.")]
    [InlineData("[]", "The request body must be a JSON object.")]
    public async Task Wrong_json_types_are_400(string body, string message)
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public async Task Missing_fields_are_400()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Username is required.", body);
        Assert.Contains("Password is required.", body);
        Snapshots.MatchJson(body, ["trace_id"]);
    }

    [Fact]
    public async Task Form_login_missing_password_is_400()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "jane01" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Password is required.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unsupported_content_type_is_415()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/login", new StringContent("username=jane01", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Logout_deletes_cookie()
    {
        using var client = factory.CreateClientWithToken(await factory.LoginAsync());

        using var response = await client.PostAsync("/logout", content: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Cookies.TokenCookie(response);
        Assert.NotNull(cookie);
        Assert.Equal("", cookie.Value.ToString());
        Assert.True(cookie.Expires < DateTimeOffset.UtcNow);
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/", cookie.Path.ToString());
    }

    [Fact]
    public async Task Form_logout_redirects_to_login()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsync("/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        Assert.NotNull(Cookies.TokenCookie(response));
    }

    [Fact]
    public async Task Me_returns_viewer_from_token()
    {
        using var client = factory.CreateClientWithToken(await factory.LoginAsync("john01", DemoData.JohnPassword));

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Me_reads_claims_not_user_table()
    {
        var token = TestTokens.Create(userId: "NotInTheStore", username: "ghost", role: "user");
        using var client = factory.CreateClientWithToken(token);

        var response = await client.GetFromJsonAsync<JsonElement>("/me");

        Assert.Equal("NotInTheStore", response.GetProperty("id").GetString());
        Assert.Equal("ghost", response.GetProperty("username").GetString());
    }

    [Fact]
    public async Task Me_without_cookie_is_401()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Browser_without_cookie_goes_to_login()
    {
        using var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me?tab=orders");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fme%3Ftab%3Dorders", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_page_keeps_return_url()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/login?returnUrl=%2Fgraph%3Fa%3D1%26b%3D%22x%22");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\" action=\"/login\">", page);
        Assert.Contains("name=\"returnUrl\" value=\"/graph?a=1&amp;b=&quot;x&quot;\"", page);
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_page_drops_foreign_return_url()
    {
        using var client = factory.CreatePlainClient();

        var page = await client.GetStringAsync("/login?returnUrl=https%3A%2F%2Fevil.example");

        Assert.Contains("name=\"returnUrl\" value=\"/\"", page);
        Assert.DoesNotContain("evil.example", page);
    }

    private static FormUrlEncodedContent Form(string username, string password, string returnUrl) =>
        new(new Dictionary<string, string> { ["username"] = username, ["password"] = password, ["returnUrl"] = returnUrl });

    private static async Task<string?> Detail(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        return json.RootElement.GetProperty("detail").GetString();
    }
}
