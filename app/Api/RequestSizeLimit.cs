using Microsoft.AspNetCore.Http.Features;

namespace Slices.Api;

/// <summary>
/// Applies <c>Kestrel:Limits:MaxRequestBodySize</c> to every request on every host. A Content-Length over the
/// limit gets 413 with a problem-details body before anything reads the body. A body without Content-Length
/// fails with 413 once reading passes the limit.
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

            // NOTE: Kestrel on .NET 10 accepted a 1.1 MB chunked body with the setting at 1 MiB, so the limit is set
            // per request here. The in-memory test server has no such feature, so its body is wrapped instead.
            var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is null)
                http.Request.Body = new LengthLimitedStream(http.Request.Body, maxBytes);
            else if (!sizeFeature.IsReadOnly)
                sizeFeature.MaxRequestBodySize = maxBytes;

            await next(http);
        });

        return app;
    }
}
