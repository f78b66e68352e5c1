using Microsoft.Playwright;
using Slices.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Slices.Features.Login;

[Collection(BrowserCollection.Name)]
public sealed class LoginBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task Graph_without_cookie_shows_login() => browser.RunAsync(async session =>
    {
        await session.Page.GotoAsync("/graph");

        var url = new Uri(session.Page.Url);
        Assert.Equal("/login", url.AbsolutePath);
        Assert.Equal("?returnUrl=%2Fgraph", url.Query);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in to Slices" })).ToBeVisibleAsync();
        Assert.Null(await session.TokenCookieAsync());
        Assert.Empty(session.PageErrors);
    });

    [SkippableFact]
    public Task Wrong_password_shows_error() => browser.RunAsync(async session =>
    {
        await session.Page.GotoAsync("/login?returnUrl=%2Fgraph");

        var loginResponse = session.Page.WaitForResponseAsync(response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/login");
        await session.SubmitLoginAsync("john01", "not-the-password");
        var response = await loginResponse;

        Assert.Equal(401, response.Status);
        await Expect(session.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The username or password is incorrect.");
        Assert.Equal("/login", new Uri(session.Page.Url).AbsolutePath);
        await Expect(session.Page.GetByLabel("Username")).ToHaveValueAsync("john01");
        await Expect(session.Page.GetByLabel("Password")).ToBeEmptyAsync();
        Assert.Null(await session.TokenCookieAsync());
    });

    [SkippableFact]
    public Task Logout_returns_to_login() => browser.RunAsync(async session =>
    {
        await session.LogInThroughAsync("/graph");
        await Expect(session.Page.Locator(".graphiql-container")).ToBeVisibleAsync();
        Assert.NotNull(await session.TokenCookieAsync());

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");

        Assert.Null(await session.TokenCookieAsync());
        await session.Page.GotoAsync("/graph");
        await session.Page.ReloadAsync();
        var url = new Uri(session.Page.Url);
        Assert.Equal("/login", url.AbsolutePath);
        Assert.Equal("?returnUrl=%2Fgraph", url.Query);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in to Slices" })).ToBeVisibleAsync();
        Assert.Empty(session.PageErrors);
    });
}
