using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Slices.Tests.Api;

/// <summary>
/// Starts the built app as its own process, as <c>dotnet run</c> does, to check what a user sees when
/// start-up fails: one line naming the problem on standard error and exit code 1.
/// </summary>
public sealed class StartupProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--Auth:TokenLifetime=00:00:00", "Auth:TokenLifetime must be more than zero")]
    [InlineData("--Auth:SigningKeyPath=/nonexistent/signing.pem", "Auth:SigningKeyPath: the key file '/nonexistent/signing.pem' does not exist.")]
    public async Task Invalid_setting_exits_with_message(string setting, string message)
    {
        var result = await RunAppAsync(setting, "--urls=http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Slices failed to start: {message}", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public async Task Taken_port_exits_with_message()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";

        var result = await RunAppAsync($"--urls={url}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Slices failed to start: Failed to bind to address {url}: address already in use.", result.StandardError);
        Assert.Contains("choose another address with --urls", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    private sealed record AppExit(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs the app from the test output folder with the test keys and <paramref name="arguments"/>.</summary>
    private static async Task<AppExit> RunAppAsync(params string[] arguments)
    {
        var logDirectory = Directory.CreateTempSubdirectory("slices-test-process-logs-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] settings =
        [
            "exec", Path.Combine(AppContext.BaseDirectory, "Slices.dll"),
            "--environment=Testing",
            $"--contentRoot={AppContext.BaseDirectory}",
            $"--Auth:SigningKeyPath={TestKeys.SigningKeyPath}",
            $"--Auth:PublicKeyPaths:{TestKeys.KeyId}={TestKeys.PublicKeyPath}",
            $"--Serilog:WriteTo:1:Args:path={Path.Combine(logDirectory, "slices-.json")}",
        ];
        foreach (var argument in settings.Concat(arguments))
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Failed to start {start.FileName}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The app did not exit within {ExitTimeout.TotalSeconds} s; it should stop at start-up.");
        }

        return new AppExit(process.ExitCode, await standardOutput, await standardError);
    }
}
