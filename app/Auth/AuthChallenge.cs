using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace Slices.Auth;

/// <summary>
/// Handles a request without a valid token. A browser navigation is redirected to the login page with a
/// return URL, and any other request gets 401 with a problem-details body.
/// </summary>
internal static class AuthChallenge
{
    public static async Task WriteAsync(JwtBearerChallengeContext context, string loginPath)
    {
        context.HandleResponse();

        var http = context.HttpContext;
        if (IsBrowserNavigation(http.Request))
        {
            var returnUrl = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
            http.Response.Redirect($"{loginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        var tokenRejected = context.AuthenticateFailure is not null;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer";

        await WriteProblemAsync(
            http,
            tokenRejected
                ? "The token cookie is invalid or expired. Log in again with POST /login."
                : "This request needs the token cookie. Log in with POST /login.");
    }

    public static Task WriteForbiddenAsync(ForbiddenContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;

        return WriteProblemAsync(context.HttpContext, "The logged-in user's role does not allow this request.");
    }

    /// <summary>True for a page load in a browser: a GET or HEAD that accepts HTML.</summary>
    public static bool IsBrowserNavigation(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return false;

        var accepted = request.GetTypedHeaders().Accept;

        return accepted.Any(mediaType => mediaType.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    private static Task WriteProblemAsync(HttpContext http, string detail)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();

        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Detail = detail },
        }).AsTask();
    }
}
