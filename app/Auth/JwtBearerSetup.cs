using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Auth;

/// <summary>
/// Validates the token from the <c>token</c> cookie with the configured public keys alone: RS256 only, a
/// known key id, issuer, audience and lifetime. No request ever reaches a login service or the user table.
/// </summary>
internal sealed class JwtBearerSetup(
    KeyRing keys,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    IHttpClientFactory httpClients,
    IServiceProvider services,
    ILogger<JwtBearerSetup> logger) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
            return;

        var settings = options.Value;

        // Set the handlers first, because MapInboundClaims applies to the handlers present when it is set.
        if (settings.ValidatedTokenCacheSize > 0)
        {
            bearer.TokenHandlers.Clear();
            bearer.TokenHandlers.Add(services.GetRequiredService<CachingJsonWebTokenHandler>());
        }

        bearer.MapInboundClaims = false;
        bearer.TimeProvider = clock;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKeys = keys.ValidationKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = ["JWT"],

            // A token whose kid names no configured key is rejected instead of tried against every key.
            TryAllIssuerSigningKeys = false,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = SlicesClaims.Username,
            RoleClaimType = SlicesClaims.Role,
        };
        if (!string.IsNullOrWhiteSpace(settings.JwksUrl))
            bearer.ConfigurationManager = CreateJwksSource(settings.JwksUrl);

        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = ReadTokenFromCookie,
            OnChallenge = context => AuthChallenge.WriteAsync(context, settings.LoginPath),
            OnForbidden = AuthChallenge.WriteForbiddenAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>Name of the HTTP client that fetches the key set of <see cref="AuthOptions.JwksUrl"/>.</summary>
    public const string JwksHttpClient = "jwks";

    private ConfigurationManager<OpenIdConnectConfiguration> CreateJwksSource(string jwksUrl)
    {
        var documents = new HttpDocumentRetriever(httpClients.CreateClient(JwksHttpClient))
        {
            RequireHttps = new Uri(jwksUrl).Scheme == Uri.UriSchemeHttps,
        };

        return new ConfigurationManager<OpenIdConnectConfiguration>(jwksUrl, new JwksRetriever(logger), documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }

    // Only the cookie carries the token; an Authorization header is ignored, so there is one way in.
    private static Task ReadTokenFromCookie(MessageReceivedContext context)
    {
        var token = context.Request.Cookies[TokenCookie.Name];
        if (string.IsNullOrEmpty(token))
            context.NoResult();
        else
            context.Token = token;

        return Task.CompletedTask;
    }
}
