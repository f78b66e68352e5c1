using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Slices.Tests.Browser;

/// <summary>
/// Runs the app on a real Kestrel port on 127.0.0.1 and drives Debian's Chromium against it with Playwright.
/// Playwright's own browser download cannot work here, so the fixture launches <see cref="ChromiumPath"/>, and the
/// browser tests are skipped when it is missing, except under CI, where they fail instead.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly KestrelAppFactory app = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The app's address, such as <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
            return;

        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();

        playwright?.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>
    /// Runs <paramref name="test"/> in a fresh browser context with no cookies. When it fails, a screenshot of the page
    /// is saved to <c>screenshots/</c> in the test output folder and its path added to the failure message.
    /// </summary>
    public async Task RunAsync(Func<BrowserSession, Task> test, [CallerMemberName] string testName = "")
    {
        RequireChromium();

        await using var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        var session = await BrowserSession.StartAsync(context, new Uri(BaseUrl));

        try
        {
            await test(session);
        }
        catch (Exception failure)
        {
            var screenshot = await SaveScreenshotAsync(session.Page, testName);
            throw new BrowserTestException($"{failure.Message}\nScreenshot: {screenshot}", failure);
        }
    }

    // Skip.If reports the test as skipped with this message, so a missing browser never passes silently.
    private static void RequireChromium()
    {
        if (ChromiumInstalled)
            return;

        var message = $"Chromium is not installed at {ChromiumPath}. Install it with `apt-get install chromium` to run the browser tests.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException(message + " CI must run them, so this is a failure there.");

        Skip.If(true, message);
    }

    private static async Task<string> SaveScreenshotAsync(IPage page, string testName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{testName}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
        }
        catch (PlaywrightException error)
        {
            return $"(none: {error.Message})";
        }

        return path;
    }

    private sealed class KestrelAppFactory : AppFactory
    {
        public KestrelAppFactory() =>
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}

/// <summary>A failed browser test, with the path of the screenshot taken when it failed.</summary>
public sealed class BrowserTestException(string message, Exception inner) : Exception(message, inner);

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>One app and one Chromium serve every browser test, which run one at a time.</summary>
    public const string Name = "Browser";
}
