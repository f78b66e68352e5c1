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
        services.AddSingleton(provider =>
            new CachingJsonWebTokenHandler(
                provider.GetRequiredService<IOptions<AuthOptions>>().Value.ValidatedTokenCacheSize,
                provider.GetRequiredService<TimeProvider>()));

        services.AddHttpClient(JwtBearerSetup.JwksHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        // FastEndpoints requires an authenticated user on every endpoint that does not call AllowAnonymous.
        // No fallback policy on top of that, because it would turn routing's 404 and 415 into 401.
        services.AddAuthorization();

        return services;
    }

    /// <summary>
    /// Loads the keys now, so that a missing or unreadable key stops start-up instead of failing the first
    /// request, and fetches the key set of <c>Auth:JwksUrl</c> when one is set.
    /// </summary>
    public static WebApplication UseSlicesAuth(this WebApplication app)
    {
        app.Services.GetRequiredService<KeyRing>();
        FetchJwksAtStart(app);

        app.UseAuthentication();
        app.UseAuthorization();

        return app;
    }

    // A failure here is not fatal: the key set is fetched again on the next request that needs it.
    private static void FetchJwksAtStart(WebApplication app)
    {
        var bearer = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        if (bearer.ConfigurationManager is null)
            return;

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            bearer.ConfigurationManager.GetConfigurationAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or OperationCanceledException)
        {
            app.Logger.LogWarning(exception, "Could not fetch the key set of Auth:JwksUrl at start-up; tokens signed with its keys are rejected until a later fetch succeeds");
        }
    }
}
