using Microsoft.Extensions.Options;

namespace Slices.Auth;

/// <summary>Writes and deletes the HttpOnly cookie that carries the token.</summary>
public sealed class TokenCookie(IOptions<AuthOptions> options)
{
    public const string Name = "token";

    public void Append(HttpResponse response, IssuedToken token)
    {
        var cookie = BaseOptions(response.HttpContext.Request);
        cookie.Expires = token.ExpiresAt;
        cookie.MaxAge = token.Lifetime;

        response.Cookies.Append(Name, token.Value, cookie);
    }

    public void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name, BaseOptions(response.HttpContext.Request));

    private CookieOptions BaseOptions(HttpRequest request) => new()
    {
        HttpOnly = true,

        // Lax, not Strict: the redirect after login is a top-level navigation that must carry the cookie.
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Secure = options.Value.Cookie.Secure == CookieSecurity.Always || request.IsHttps,
        IsEssential = true,
    };
}
