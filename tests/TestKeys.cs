using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Tests;

/// <summary>RSA key pairs generated once per test run and written as PEM files to a temporary folder.</summary>
public static class TestKeys
{
    // The key id of appsettings.json, so that the tests replace its key files rather than add a second key.
    public const string KeyId = "slices-1";

    private static readonly Lazy<(string Directory, RSA Signing, RSA Other)> Keys = new(Create);

    public static string Directory => Keys.Value.Directory;

    public static string SigningKeyPath => Path.Combine(Directory, "signing.pem");

    public static string PublicKeyPath => Path.Combine(Directory, "signing.public.pem");

    /// <summary>The key the app under test signs with.</summary>
    public static RsaSecurityKey Signing => new(Keys.Value.Signing) { KeyId = KeyId };

    /// <summary>A valid RSA key that the app does not know.</summary>
    public static RsaSecurityKey Other => new(Keys.Value.Other) { KeyId = KeyId };

    public static string PublicKeyPem => File.ReadAllText(PublicKeyPath);

    private static (string, RSA, RSA) Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("slices-test-keys-").FullName;
        var signing = RSA.Create(2048);
        var other = RSA.Create(2048);

        File.WriteAllText(Path.Combine(directory, "signing.pem"), signing.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "signing.public.pem"), signing.ExportSubjectPublicKeyInfoPem());

        return (directory, signing, other);
    }
}
