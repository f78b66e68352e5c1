using Microsoft.Playwright;

namespace Slices.Tests.Browser;

/// <summary>
/// One page in its own browser context. It blocks and records every request to a host other than the app's, and
/// records console errors and uncaught page errors, Content-Security-Policy violations among them.
/// </summary>
public sealed class BrowserSession
{
    private readonly List<string> foreignRequests = [];
    private readonly List<string> pageErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ForeignRequests => foreignRequests;

    public IReadOnlyList<string> PageErrors => pageErrors;

    public static async Task<BrowserSession> StartAsync(IBrowserContext context, Uri appUrl)
    {
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);

        await context.RouteAsync("**/*", route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || (url.Host == appUrl.Host && url.Port == appUrl.Port))
                return route.ContinueAsync();

            session.foreignRequests.Add(route.Request.Url);
            return route.AbortAsync();
        });

        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                session.pageErrors.Add(message.Text);
        };
        page.PageError += (_, error) => session.pageErrors.Add(error);

        return session;
    }

    /// <summary>Returns the value of the token cookie in this browser context, or null when there is none.</summary>
    public async Task<string?> TokenCookieAsync()
    {
        var cookies = await Context.CookiesAsync();

        return cookies.SingleOrDefault(cookie => cookie.Name == "token")?.Value;
    }

    /// <summary>Logs in through the login form of the page that is open now, which must be the login page.</summary>
    public async Task SubmitLoginAsync(string username, string password)
    {
        await Page.GetByLabel("Username").FillAsync(username);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>Opens <paramref name="path"/>, expects the login page, logs in as the demo admin and waits to be back on <paramref name="path"/>.</summary>
    public async Task LogInThroughAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await SubmitLoginAsync("jane01", Slices.Store.DemoData.JanePassword);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
    }
}
