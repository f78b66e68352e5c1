using Microsoft.AspNetCore.Http.Features;

namespace Slices.Api;

/// <summary>
/// Rejects a request whose Content-Length exceeds <c>Kestrel:Limits:MaxRequestBodySize</c> with 413 and a
/// problem-details body before anything reads it. Kestrel enforces the same limit while reading, but other
/// hosts (the in-memory test server) do not, so bodies without Content-Length are limited here for them.
/// </summary>
public static class RequestSizeLimit
{
    public const string Setting = "Kestrel:Limits:MaxRequestBodySize";

    // Kestrel's own default when the setting is absent: 30,000,000 bytes.
    private const long KestrelDefault = 30_000_000;

    public static WebApplication UseSlicesRequestSizeLimit(this WebApplication app)
    {
        var maxBytes = app.Configuration.GetValue(Setting, KestrelDefault);

        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > maxBytes)
            {
                await ProblemResponses.SendAsync(http, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBytes} bytes.");
                return;
            }

            // Kestrel limits a body without Content-Length while reading it; other hosts get the same check here.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is null)
                http.Request.Body = new LengthLimitedStream(http.Request.Body, maxBytes);

            await next(http);
        });

        return app;
    }
}
