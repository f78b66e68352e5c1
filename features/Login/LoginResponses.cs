using Microsoft.AspNetCore.Mvc;

namespace Slices.Features.Login;

/// <summary>Writes the login slice's HTML pages and problem-details bodies.</summary>
internal static class LoginResponses
{
    public static async Task SendPageAsync(HttpContext http, int statusCode, string html, CancellationToken cancellation)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = LoginPage.ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";

        await http.Response.WriteAsync(html, cancellation);
    }

    public static async Task SendProblemAsync(HttpContext http, int statusCode, string detail)
    {
        http.Response.StatusCode = statusCode;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = statusCode, Detail = detail },
        });
    }

    public static void SetRetryAfter(HttpContext http, TimeSpan retryAfter) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
