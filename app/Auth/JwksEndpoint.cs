using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Auth;

/// <summary>One public key in JSON Web Key form (RFC 7517).</summary>
public sealed record PublicJsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);

/// <summary>A JSON Web Key Set: the public keys that validate this API's tokens.</summary>
public sealed record JsonWebKeySetDocument(IReadOnlyList<PublicJsonWebKey> Keys);

/// <summary>Publishes the public keys, so that another server can validate tokens without a copy of the PEM files.</summary>
public sealed class JwksEndpoint(KeyRing keys) : EndpointWithoutRequest<JsonWebKeySetDocument>
{
    public override void Configure()
    {
        Get("/.well-known/jwks.json");
        AllowAnonymous();
        Description(endpoint => endpoint.AutoTagOverride("Keys"));
    }

    public override async Task HandleAsync(CancellationToken cancellation)
    {
        var document = new JsonWebKeySetDocument(keys.ValidationKeys.Select(ToJsonWebKey).ToArray());

        HttpContext.Response.Headers.CacheControl = "public, max-age=300";

        await Send.OkAsync(document, cancellation);
    }

    private static PublicJsonWebKey ToJsonWebKey(RsaSecurityKey key) => new(
        Kty: "RSA",
        Use: "sig",
        Alg: SecurityAlgorithms.RsaSha256,
        Kid: key.KeyId,
        N: Base64UrlEncoder.Encode(key.Parameters.Modulus),
        E: Base64UrlEncoder.Encode(key.Parameters.Exponent));
}
