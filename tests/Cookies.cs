using Microsoft.Net.Http.Headers;

namespace Slices.Tests;

/// <summary>Reads the token cookie from a response's Set-Cookie headers.</summary>
public static class Cookies
{
    public static SetCookieHeaderValue? TokenCookie(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            return null;

        return SetCookieHeaderValue.ParseList(values.ToList()).SingleOrDefault(cookie => cookie.Name == "token");
    }

    public static string TokenFrom(HttpResponseMessage response)
    {
        var cookie = TokenCookie(response);
        Assert.NotNull(cookie);

        return cookie.Value.ToString();
    }
}
