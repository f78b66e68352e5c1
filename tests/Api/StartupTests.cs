using System.Net;
using Slices.Store;

namespace Slices.Tests.Api;

public sealed class StartupTests
{
    public static TheoryData<string, string, string?, string> InvalidSettings => new()
    {
        { "Testing", "Auth:Issuer", "", "Auth:Issuer is required." },
        { "Testing", "Auth:TokenLifetime", "00:00:00", "Auth:TokenLifetime must be more than zero" },
        { "Testing", "Auth:SigningKeyPath", "/nonexistent/signing.pem", "Auth:SigningKeyPath: the key file '/nonexistent/signing.pem' does not exist." },
        { "Testing", "Auth:PublicKeyPaths:slices-1", "/nonexistent/public.pem", "Auth:PublicKeyPaths:slices-1: the key file '/nonexistent/public.pem' does not exist." },
        { "Testing", "Cors:AllowedOrigins:0", "*", "Cors:AllowedOrigins must not contain a wildcard" },
        { "Testing", "Cors:AllowedOrigins:0", "http://app.localhost/path", "Cors:AllowedOrigins must hold origins" },
        { "Production", "Auth:Cookie:Secure", "SameAsRequest", "Auth:Cookie:Secure must be Always in Production" },
        { "Production", "Auth:SigningKeyPath", "/nonexistent/signing.pem", "Auth:SigningKeyPath: the key file '/nonexistent/signing.pem' does not exist." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Invalid_setting_stops_start(string environment, string key, string? value, string message)
    {
        var overrides = new Dictionary<string, string?> { [key] = value };
        if (environment == "Production")
            overrides.TryAdd("Auth:Cookie:Secure", "Always");

        await using var factory = AppFactory.With(overrides, environment: environment);

        var exception = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains(message, exception.ToString());
    }

    [Fact]
    public async Task Key_of_wrong_pair_stops_start()
    {
        var otherPublicKey = Path.Combine(Directory.CreateTempSubdirectory("slices-test-").FullName, "other.public.pem");
        await File.WriteAllTextAsync(otherPublicKey, TestKeys.Other.Rsa.ExportSubjectPublicKeyInfoPem());
        await using var factory = AppFactory.With(new Dictionary<string, string?> { ["Auth:PublicKeyPaths:slices-1"] = otherPublicKey });

        var exception = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains("does not hold the public key of Auth:SigningKeyPath", exception.ToString());
    }

    [Fact]
    public async Task Development_generates_missing_keys()
    {
        var keyDirectory = Directory.CreateTempSubdirectory("slices-test-dev-keys-").FullName;
        var signingKeyPath = Path.Combine(keyDirectory, "signing.pem");
        var publicKeyPath = Path.Combine(keyDirectory, "signing.public.pem");
        await using var factory = AppFactory.With(
            new Dictionary<string, string?>
            {
                ["Auth:SigningKeyPath"] = signingKeyPath,
                ["Auth:PublicKeyPaths:slices-1"] = publicKeyPath,
            },
            environment: "Development");

        var token = await factory.LoginAsync("john01", DemoData.JohnPassword);
        using var client = factory.CreateClientWithToken(token);
        using var response = await client.GetAsync("/me");
        await factory.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(signingKeyPath));
        Assert.Contains("BEGIN PRIVATE KEY", await File.ReadAllTextAsync(signingKeyPath));
        Assert.Contains("BEGIN PUBLIC KEY", await File.ReadAllTextAsync(publicKeyPath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(signingKeyPath));

        Assert.Contains(factory.ReadLogLines(), line => line.Contains("Generated a development key pair", StringComparison.Ordinal));
    }
}
