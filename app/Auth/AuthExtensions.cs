using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Slices.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// Registers token issuing and cookie authentication.
    /// </summary>
    public static IServiceCollection AddSlicesAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KeyRing>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenCookie>();
        services.AddSingleton<Passwords>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        // FastEndpoints requires an authenticated user on every endpoint that does not call AllowAnonymous.
        // No fallback policy on top of that, because it would turn routing's 404 and 415 into 401.
        services.AddAuthorization();

        return services;
    }

    /// <summary>Loads the keys now, so that a missing or unreadable key stops start-up instead of the first request.</summary>
    public static WebApplication UseSlicesAuth(this WebApplication app)
    {
        app.Services.GetRequiredService<KeyRing>();

        app.UseAuthentication();
        app.UseAuthorization();

        return app;
    }
}
