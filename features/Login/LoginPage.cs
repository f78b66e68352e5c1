using System.Text.Encodings.Web;

namespace Slices.Features.Login;

/// <summary>The self-contained login form: inline styles, no scripts, no external assets.</summary>
public static class LoginPage
{
    /// <summary>Allows the inline style sheet and posting the form to this site, and nothing else.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string Render(string returnUrl, string? username = null, string? error = null)
    {
        var html = HtmlEncoder.Default;
        var errorBlock = error is null ? "" : $"""<p class="error" role="alert">{html.Encode(error)}</p>""";

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Log in · Slices</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f5f7; display: flex; justify-content: center; padding-top: 12vh; margin: 0; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); width: 18rem; }
              h1 { font-size: 1.4rem; margin: 0 0 1.2rem; }
              label { display: block; margin-bottom: .9rem; font-size: .9rem; }
              input { display: block; width: 100%; box-sizing: border-box; margin-top: .3rem; padding: .5rem; font-size: 1rem; }
              button { width: 100%; padding: .6rem; font-size: 1rem; background: #2d5bd7; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
              .error { color: #b00020; margin: 0 0 1rem; }
            </style>
            </head>
            <body>
            <form method="post" action="/login">
              <h1>Log in to Slices</h1>
              {{errorBlock}}
              <label>Username <input name="username" autocomplete="username" required autofocus value="{{html.Encode(username ?? "")}}"></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
              <button type="submit">Log in</button>
            </form>
            </body>
            </html>
            """;
    }
}
