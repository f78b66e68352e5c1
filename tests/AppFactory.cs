using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Slices.Store;

namespace Slices.Tests;

/// <summary>
/// Hosts the whole app in memory with the test keys, the demo data and a log file of its own.
/// Settings can be overridden per factory; an empty value clears a setting.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? clock;
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];

    public AppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected AppFactory(IDictionary<string, string?> overrides, TimeProvider? clock = null, string environment = "Testing")
    {
        LogDirectory = Directory.CreateTempSubdirectory("slices-test-logs-").FullName;
        Environment = environment;
        this.clock = clock;

        settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKeyPath"] = TestKeys.SigningKeyPath,
            ["Auth:SigningKeyId"] = TestKeys.KeyId,
            [$"Auth:PublicKeyPaths:{TestKeys.KeyId}"] = TestKeys.PublicKeyPath,
            ["Auth:Cookie:Secure"] = "SameAsRequest",
            ["Store:SeedDemoData"] = "true",
            ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogDirectory, "slices-.json"),
        };

        foreach (var (key, value) in overrides)
            settings[key] = value;
    }

    public string LogDirectory { get; }

    public string Environment { get; }

    /// <summary>Returns a factory with <paramref name="overrides"/> applied on top of the test settings.</summary>
    public static AppFactory With(IDictionary<string, string?> overrides, TimeProvider? clock = null, string environment = "Testing") =>
        new(overrides, clock, environment);

    /// <summary>Changes the app's services before it starts; call before the first request.</summary>
    public AppFactory WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);

        return this;
    }

    /// <summary>Returns a client that does not follow redirects, so tests see each 302 and its Location.</summary>
    public HttpClient CreatePlainClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress), HandleCookies = false });

    /// <summary>Logs in with JSON and returns the raw token from the Set-Cookie header.</summary>
    public async Task<string> LoginAsync(string username = "jane01", string password = DemoData.JanePassword)
    {
        using var client = CreatePlainClient();
        using var response = await client.PostAsJsonAsync("/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        return Cookies.TokenFrom(response);
    }

    /// <summary>Returns a client that sends <paramref name="token"/> in the token cookie with every request.</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", $"token={token}");

        return client;
    }

    /// <summary>Returns every line the app wrote to its log files so far.</summary>
    public string[] ReadLogLines() =>
        Directory.GetFiles(LogDirectory)
            .SelectMany(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);

                return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            })
            .ToArray();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseContentRoot(RepositoryRoot.Path);

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));

        if (clock is not null)
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));

        foreach (var configure in serviceOverrides)
            builder.ConfigureServices(configure);
    }
}
