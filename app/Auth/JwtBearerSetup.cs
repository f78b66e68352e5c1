using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Slices.Auth;

/// <summary>
/// Validates the token from the <c>token</c> cookie with the configured public keys alone: RS256 only, a
/// known key id, issuer, audience and lifetime. No request ever reaches a login service or the user table.
/// </summary>
internal sealed class JwtBearerSetup(KeyRing keys, IOptions<AuthOptions> options, TimeProvider clock)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
            return;

        var settings = options.Value;

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
        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = ReadTokenFromCookie,
            OnChallenge = context => AuthChallenge.WriteAsync(context, settings.LoginPath),
            OnForbidden = AuthChallenge.WriteForbiddenAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

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
