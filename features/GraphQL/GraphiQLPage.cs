using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

/// <summary>
/// Serves GraphiQL for <c>/graph</c>. It sends the cookie (same origin only) and the preflight header with every
/// request. Scripts and the style sheet come from <see cref="GraphQLSettings.GraphiQLAssetBase"/>, with pinned versions.
/// </summary>
/// <remarks>
/// TODO: add Subresource Integrity hashes, or serve the assets from this app, once the asset files are vendored
/// into the repository. Until then the page trusts whatever the asset base serves for these versions.
/// </remarks>
public sealed class GraphiQLPage(IOptions<GraphQLSettings> settings)
{
    private static readonly string[] ScriptPaths =
    [
        "react@18.3.1/umd/react.production.min.js",
        "react-dom@18.3.1/umd/react-dom.production.min.js",
        "graphiql@3.8.3/graphiql.min.js",
    ];

    private const string StyleSheetPath = "graphiql@3.8.3/graphiql.min.css";

    public async Task SendAsync(HttpContext http, CancellationToken cancellation)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var assetBase = settings.Value.GraphiQLAssetBase.TrimEnd('/');
        var scripts = ScriptPaths.Select(path => $"{assetBase}/{path}").ToArray();
        var styleSheet = $"{assetBase}/{StyleSheetPath}";
        var endpointUrl = $"{http.Request.PathBase}{GraphEndpoint.Route}";

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, scripts, styleSheet, assetBase);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";

        await http.Response.WriteAsync(Render(nonce, scripts, styleSheet, endpointUrl), cancellation);
    }

    /// <summary>
    /// Allows the three scripts, the inline start-up script by nonce, the style sheet, fonts from the asset base,
    /// and requests to this origin only.
    /// </summary>
    /// <remarks>
    /// NOTE: styles allow 'unsafe-inline' on the assumption that GraphiQL 3 adds style elements at run time. No
    /// browser has loaded the page here, so that and the pinned asset versions are unchecked.
    /// </remarks>
    public static string ContentSecurityPolicy(string nonce, string[] scripts, string styleSheet, string assetBase)
    {
        var assetSource = assetBase.StartsWith('/') ? "'self'" : assetBase + "/";

        return $"default-src 'none'; script-src 'nonce-{nonce}' {string.Join(' ', scripts)}; "
            + $"style-src {styleSheet} 'unsafe-inline'; font-src {assetSource} data:; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    private static string Render(string nonce, string[] scripts, string styleSheet, string endpointUrl)
    {
        var html = HtmlEncoder.Default;
        var scriptTags = string.Join("\n", scripts.Select(src => $"""<script src="{html.Encode(src)}" crossorigin="anonymous"></script>"""));

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>GraphiQL · Slices</title>
            <link rel="stylesheet" href="{{html.Encode(styleSheet)}}" crossorigin="anonymous">
            </head>
            <body style="margin: 0">
            <div id="graphiql" style="height: 100vh">Loading GraphiQL…</div>
            {{scriptTags}}
            <script nonce="{{nonce}}">
              const endpointUrl = {{JsonSerializer.Serialize(endpointUrl)}};
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
}
