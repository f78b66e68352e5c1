using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Slices.Api;

namespace Slices.Auth;

/// <summary>
/// The RSA keys of this instance: the public keys that validate tokens, by key id, and the
/// private key that signs them when this instance serves login.
/// </summary>
public sealed class KeyRing
{
    private const int MinimumKeySize = 2048;

    public KeyRing(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<KeyRing> logger)
    {
        var settings = options.Value;

        if (settings.CanSign)
        {
            var signingKeyPath = Resolve(environment, settings.SigningKeyPath!);
            var publicKeyPath = Resolve(environment, settings.ActivePublicKeyPaths[settings.SigningKeyId!]);

            if (environment.IsDevelopment())
                GenerateMissingDevelopmentKeys(signingKeyPath, publicKeyPath, logger);

            var privateKey = ReadRsaKey(signingKeyPath, "Auth:SigningKeyPath");
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(privateKey) { KeyId = settings.SigningKeyId },
                SecurityAlgorithms.RsaSha256);
        }

        var validationKeys = new List<RsaSecurityKey>();
        foreach (var (keyId, path) in settings.ActivePublicKeyPaths)
        {
            var publicKey = ReadRsaKey(Resolve(environment, path), $"Auth:PublicKeyPaths:{keyId}");
            validationKeys.Add(new RsaSecurityKey(publicKey.ExportParameters(includePrivateParameters: false)) { KeyId = keyId });
        }

        ValidationKeys = validationKeys;

        if (SigningCredentials is not null)
            EnsureSigningKeyMatchesItsPublicKey(settings.SigningKeyId!);

        logger.LogInformation(
            "Loaded {PublicKeyCount} public key(s) {KeyIds}; this instance {SigningRole}",
            validationKeys.Count,
            validationKeys.Select(key => key.KeyId).ToArray(),
            SigningCredentials is null ? "only validates tokens" : $"signs tokens with key {settings.SigningKeyId}");
    }

    /// <summary>Public keys that validate tokens; a token whose <c>kid</c> names none of them is rejected.</summary>
    public IReadOnlyList<RsaSecurityKey> ValidationKeys { get; }

    /// <summary>The RS256 credentials that sign tokens, or null on a verify-only instance.</summary>
    public SigningCredentials? SigningCredentials { get; }

    private static string Resolve(IHostEnvironment environment, string path) =>
        Path.GetFullPath(path, environment.ContentRootPath);

    private static RSA ReadRsaKey(string path, string setting)
    {
        if (!File.Exists(path))
            throw new InvalidSettingException($"{setting}: the key file '{path}' does not exist.");

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException or IOException or UnauthorizedAccessException)
        {
            rsa.Dispose();
            throw new InvalidSettingException($"{setting}: the key file '{path}' is not a readable RSA key in PEM format: {exception.Message}", exception);
        }

        if (rsa.KeySize < MinimumKeySize)
            throw new InvalidSettingException($"{setting}: the key in '{path}' has {rsa.KeySize} bits; at least {MinimumKeySize} are required.");

        return rsa;
    }

    private static void GenerateMissingDevelopmentKeys(string signingKeyPath, string publicKeyPath, ILogger logger)
    {
        if (File.Exists(signingKeyPath) && File.Exists(publicKeyPath))
            return;

        using var rsa = RSA.Create(MinimumKeySize);
        if (File.Exists(signingKeyPath))
            rsa.ImportFromPem(File.ReadAllText(signingKeyPath));
        else
            WriteKeyFile(signingKeyPath, rsa.ExportPkcs8PrivateKeyPem());

        WriteKeyFile(publicKeyPath, rsa.ExportSubjectPublicKeyInfoPem());

        logger.LogWarning(
            "Generated a development key pair: private key {SigningKeyPath}, public key {PublicKeyPath}. Outside Development a missing key stops start-up",
            signingKeyPath,
            publicKeyPath);
    }

    private static void WriteKeyFile(string path, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, pem);

        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private void EnsureSigningKeyMatchesItsPublicKey(string keyId)
    {
        var privateKey = (RsaSecurityKey)SigningCredentials!.Key;
        var signingModulus = privateKey.Rsa.ExportParameters(includePrivateParameters: false).Modulus!;
        var publicModulus = ValidationKeys.Single(key => key.KeyId == keyId).Parameters.Modulus!;

        if (!signingModulus.AsSpan().SequenceEqual(publicModulus))
            throw new InvalidSettingException(
                $"Auth:PublicKeyPaths:{keyId} does not hold the public key of Auth:SigningKeyPath, so tokens signed here would be rejected.");
    }
}
