using Microsoft.Playwright;
using Slices.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Slices.Features.GraphQL;

[Collection(BrowserCollection.Name)]
public sealed class GraphiQLBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task Login_returns_to_graphiql() => browser.RunAsync(async session =>
    {
        await session.LogInThroughAsync("/graph");

        await Expect(session.Page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await Expect(session.Page.Locator(".graphiql-query-editor .CodeMirror")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#username")).ToHaveTextAsync("jane01");

        // The documentation explorer shows the schema only when GraphiQL's introspection query passed the limits.
        await session.Page.GetByLabel("Show Documentation Explorer").ClickAsync();
        await Expect(session.Page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("query: Query");
        await session.Page.GetByLabel("Show History").ClickAsync();
        await Expect(session.Page.Locator(".graphiql-history")).ToBeVisibleAsync();
        Assert.NotNull(await session.TokenCookieAsync());
        Assert.Empty(session.ForeignRequests);
        Assert.Empty(session.PageErrors);
    });

    [SkippableFact]
    public Task Viewer_query_shows_username() => browser.RunAsync(async session =>
    {
        await session.LogInThroughAsync("/graph");
        var editor = session.Page.Locator(".graphiql-query-editor .CodeMirror");
        await Expect(editor).ToBeVisibleAsync();

        await editor.ClickAsync();
        await session.Page.Keyboard.PressAsync("Control+A");
        await session.Page.Keyboard.PressAsync("Delete");
        await session.Page.Keyboard.TypeAsync("{ viewer { username } }");
        await session.Page.Keyboard.PressAsync("Escape");
        var graphResponse = session.Page.WaitForResponseAsync(response =>
            response.Url.EndsWith(GraphEndpoint.Route, StringComparison.Ordinal) && response.Request.PostData?.Contains("viewer", StringComparison.Ordinal) == true);
        await session.Page.Locator(".graphiql-execute-button").ClickAsync();

        var response = await graphResponse;
        Assert.Equal(200, response.Status);
        Assert.Equal("1", await response.Request.HeaderValueAsync(GraphMediaTypes.PreflightHeader));
        Assert.NotNull(await response.Request.HeaderValueAsync("cookie"));
        await Expect(session.Page.Locator(".graphiql-response")).ToContainTextAsync("\"username\": \"jane01\"");
        Assert.Empty(session.ForeignRequests);
        Assert.Empty(session.PageErrors);
    });

    [SkippableFact]
    public Task Assets_load_with_integrity() => browser.RunAsync(async session =>
    {
        var assetResponses = new List<IResponse>();
        session.Page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.StartsWith(GraphiQLAssets.RequestPath + "/", StringComparison.Ordinal))
                assetResponses.Add(response);
        };

        await session.LogInThroughAsync("/graph");
        await Expect(session.Page.Locator(".graphiql-container")).ToBeVisibleAsync();

        Assert.Equal(4, assetResponses.Count);
        Assert.All(assetResponses, response => Assert.Equal(200, response.Status));
        var integrity = await session.Page.Locator("script[src$='graphiql.min.js']").GetAttributeAsync("integrity");
        Assert.StartsWith("sha384-", integrity);
    });
}
