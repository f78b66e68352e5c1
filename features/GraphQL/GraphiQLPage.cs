using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

/// <summary>
/// Serves GraphiQL for <c>/graph</c>. It sends the cookie (same origin only) and the preflight header with every
/// request, and offers a logout button. Scripts and the style sheet come from
/// <see cref="GraphQLSettings.GraphiQLAssetBase"/>, which is this app's own copy unless configured otherwise, and
/// carry the integrity hashes of the vendored files, so the browser runs them only when their bytes match.
/// </summary>
public sealed class GraphiQLPage(IOptions<GraphQLSettings> settings, GraphiQLAssets assets)
{
    public async Task SendAsync(HttpContext http, string username, CancellationToken cancellation)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var assetBase = settings.Value.GraphiQLAssetBase.TrimEnd('/');
        if (assetBase.StartsWith('/'))
            assetBase = http.Request.PathBase + assetBase;

        var scripts = assets.All.Where(asset => asset.IsScript).Select(asset => new PageAsset($"{assetBase}/{asset.Path}", asset.Integrity)).ToArray();
        var styleSheets = assets.All.Where(asset => asset.IsStyleSheet).Select(asset => new PageAsset($"{assetBase}/{asset.Path}", asset.Integrity)).ToArray();
        var pathBase = http.Request.PathBase.Value ?? "";

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, assetBase, scripts, styleSheets);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";

        await http.Response.WriteAsync(Render(nonce, scripts, styleSheets, pathBase, username), cancellation);
    }

    /// <summary>
    /// Allows the inline start-up script and style element by nonce, the scripts and style sheet of the asset base,
    /// posting the logout form and requests to this origin, and nothing else. A local asset base is allowed as 'self',
    /// and a remote one by the exact file URLs. The fonts of GraphiQL's style sheet are data: URLs.
    /// </summary>
    /// <remarks>
    /// NOTE: styles need no 'unsafe-inline' for what the browser tests exercise in Chromium: loading GraphiQL 3.9.0,
    /// running a query, and opening the documentation explorer and history, all without a policy violation. Its other
    /// panels are unchecked.
    /// </remarks>
    public static string ContentSecurityPolicy(string nonce, string assetBase, IReadOnlyList<PageAsset> scripts, IReadOnlyList<PageAsset> styleSheets)
    {
        var local = assetBase.StartsWith('/');
        var scriptSources = local ? "'self'" : string.Join(' ', scripts.Select(script => script.Url));
        var styleSources = local ? "'self'" : string.Join(' ', styleSheets.Select(styleSheet => styleSheet.Url));
        var fontSources = local ? "'self'" : assetBase + "/";

        return $"default-src 'none'; script-src 'nonce-{nonce}' {scriptSources}; style-src {styleSources} 'nonce-{nonce}'; "
            + $"font-src {fontSources} data:; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";
    }

    private static string Render(string nonce, PageAsset[] scripts, PageAsset[] styleSheets, string pathBase, string username)
    {
        var html = HtmlEncoder.Default;
        var scriptTags = string.Join("\n", scripts.Select(script =>
            $"""<script src="{html.Encode(script.Url)}" integrity="{script.Integrity}" crossorigin="anonymous"></script>"""));
        var styleSheetTags = string.Join("\n", styleSheets.Select(styleSheet =>
            $"""<link rel="stylesheet" href="{html.Encode(styleSheet.Url)}" integrity="{styleSheet.Integrity}" crossorigin="anonymous">"""));

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>GraphiQL · Slices</title>
            {{styleSheetTags}}
            <style nonce="{{nonce}}">
              body { margin: 0; font-family: system-ui, sans-serif; }
              .session { display: flex; justify-content: flex-end; align-items: center; gap: .75rem; height: 2.5rem; padding: 0 1rem; font-size: .9rem; border-bottom: 1px solid #ddd; }
              .session form { margin: 0; }
              #graphiql { height: calc(100vh - 2.5rem - 1px); }
            </style>
            </head>
            <body>
            <header class="session">
              <span>Logged in as <strong id="username">{{html.Encode(username)}}</strong></span>
              <form method="post" action="{{html.Encode(pathBase)}}/logout"><button type="submit">Log out</button></form>
            </header>
            <div id="graphiql">Loading GraphiQL…</div>
            {{scriptTags}}
            <script nonce="{{nonce}}">
              const endpointUrl = {{JsonSerializer.Serialize(pathBase + GraphEndpoint.Route)}};
              async function fetcher(request) {
                const response = await fetch(endpointUrl, {
                  method: "POST",
                  credentials: "same-origin",
                  headers: {
                    "Content-Type": "application/json",
                    "Accept": "application/graphql-response+json, application/json",
                    "GraphQL-Require-Preflight": "1"
                  },
                  body: JSON.stringify(request)
                });
                return response.json();
              }
              ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQL, { fetcher }));
            </script>
            </body>
            </html>
            """;
    }

    /// <summary>A script or style sheet URL of the page and the integrity hash it must match.</summary>
    public sealed record PageAsset(string Url, string Integrity);
}
