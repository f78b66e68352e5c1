using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Slices.Store;

namespace Slices.Tests;

/// <summary>Builds tokens by hand, valid or deliberately broken, to test what the app accepts.</summary>
public static class TestTokens
{
    public const string Issuer = "slices";
    public const string Audience = "slices-api";

    public static string Create(
        string userId = DemoData.JohnId,
        string username = "john01",
        string role = "user",
        string issuer = Issuer,
        string audience = Audience,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        SecurityKey? key = null)
    {
        var now = DateTimeOffset.UtcNow;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now).UtcDateTime,
            NotBefore = (notBefore ?? now).UtcDateTime,
            Expires = (expires ?? now.AddMinutes(5)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? TestKeys.Signing, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", userId),
                new Claim("name", username),
                new Claim("locale", "en"),
                new Claim("role", role),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
        });
    }

    /// <summary>Returns the token with its payload replaced and its original signature kept.</summary>
    public static string WithPayload(string token, string payloadJson)
    {
        var parts = token.Split('.');

        return $"{parts[0]}.{Base64UrlEncoder.Encode(payloadJson)}.{parts[2]}";
    }

    /// <summary>Returns an unsigned token (<c>alg: none</c>) with the claims of a valid one.</summary>
    public static string Unsigned(string validToken)
    {
        var payload = validToken.Split('.')[1];

        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{payload}.";
    }

    /// <summary>Returns a token signed with HS256, using the app's public key PEM text as the HMAC secret.</summary>
    public static string HmacWithPublicKey(string validToken, string publicKeyPem)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","kid":"{{TestKeys.KeyId}}","typ":"JWT"}""");
        var payload = validToken.Split('.')[1];
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(publicKeyPem), Encoding.ASCII.GetBytes($"{header}.{payload}"));

        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    public static JsonWebToken Read(string token) => new(token);
}
