using Microsoft.AspNetCore.Mvc;

namespace Slices.Api;

/// <summary>Writes a problem-details body with a status and a detail message, for endpoints outside FastEndpoints' validation errors.</summary>
public static class ProblemResponses
{
    public static Task SendAsync(HttpContext http, int statusCode, string detail)
    {
        http.Response.StatusCode = statusCode;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();

        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = statusCode, Detail = detail },
        }).AsTask();
    }
}
