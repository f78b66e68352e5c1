using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Auth;

/// <summary>
/// Reads a JSON Web Key Set (such as another instance's <c>/.well-known/jwks.json</c>) and keeps its RSA
/// signing keys of at least 2048 bits; any other key in the set is ignored.
/// </summary>
internal sealed class JwksRetriever(ILogger logger) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    private const int MinimumKeySize = 2048;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancellation)
    {
        var document = await retriever.GetDocumentAsync(address, cancellation);
        var keySet = new JsonWebKeySet(document);

        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in keySet.Keys)
        {
            if (key.Kty != JsonWebAlgorithmsKeyTypes.RSA || key.Use is not (null or "sig") || string.IsNullOrEmpty(key.Kid))
                continue;

            var rsaKey = new RsaSecurityKey(new System.Security.Cryptography.RSAParameters
            {
                Modulus = Base64UrlEncoder.DecodeBytes(key.N),
                Exponent = Base64UrlEncoder.DecodeBytes(key.E),
            })
            { KeyId = key.Kid };

            if (rsaKey.KeySize >= MinimumKeySize)
                configuration.SigningKeys.Add(rsaKey);
        }

        logger.LogInformation(
            "Fetched {KeyCount} signing key(s) {KeyIds} from {JwksUrl}",
            configuration.SigningKeys.Count,
            configuration.SigningKeys.Select(key => key.KeyId).ToArray(),
            address);

        return configuration;
    }
}
