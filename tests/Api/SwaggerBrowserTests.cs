using Microsoft.Playwright;
using Slices.Api;
using Slices.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Slices.Tests.Api;

[Collection(BrowserCollection.Name)]
public sealed class SwaggerBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task Swagger_ui_lists_rest_endpoints() => browser.RunAsync(async session =>
    {
        await session.Page.GotoAsync(OpenApiExtensions.UiPath);

        var operations = session.Page.Locator(".opblock-summary");
        await Expect(operations.First).ToBeVisibleAsync();
        var listed = new List<string>();
        foreach (var operation in await operations.AllAsync())
        {
            var method = await operation.Locator(".opblock-summary-method").InnerTextAsync();
            var path = await operation.Locator(".opblock-summary-path").GetAttributeAsync("data-path");
            listed.Add($"{method} {path}");
        }

        Assert.Contains("POST /login", listed);
        Assert.Contains("POST /logout", listed);
        Assert.Contains("GET /me", listed);
        Assert.Contains("GET /users", listed);
        Assert.Contains("POST /orders", listed);
        Assert.Contains("GET /users/{id}/orders", listed);
        Assert.DoesNotContain(listed, operation => operation.EndsWith(" /graph", StringComparison.Ordinal));
        await Expect(session.Page.Locator(".swagger-ui .info .title")).ToContainTextAsync("Slices API");
        Assert.Empty(session.ForeignRequests);
        Assert.Empty(session.PageErrors);
    });

    [SkippableFact]
    public Task Try_it_out_sends_cookie() => browser.RunAsync(async session =>
    {
        await session.Page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(OpenApiExtensions.UiPath)}");
        await session.SubmitLoginAsync("jane01", Slices.Store.DemoData.JanePassword);
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(OpenApiExtensions.UiPath, StringComparison.Ordinal));

        var me = session.Page.Locator(".opblock-get").Filter(new() { Has = session.Page.Locator(".opblock-summary-path[data-path='/me']") });
        await me.Locator(".opblock-summary").ClickAsync();
        var tryItOut = me.GetByRole(AriaRole.Button, new() { Name = "Try it out" });
        if (await tryItOut.IsVisibleAsync())
            await tryItOut.ClickAsync();
        var meResponse = session.Page.WaitForResponseAsync(response => new Uri(response.Url).AbsolutePath == "/me");
        await me.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var response = await meResponse;
        Assert.Equal(200, response.Status);
        await Expect(me.Locator(".live-responses-table")).ToContainTextAsync("\"username\": \"jane01\"");
        Assert.Empty(session.ForeignRequests);
    });
}
