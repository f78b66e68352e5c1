using FastEndpoints;
using FastEndpoints.Swagger;
using Slices.Auth;

namespace Slices.Features.Login;

/// <summary>
/// Deletes the token cookie. The token itself stays valid until it expires, because tokens are
/// validated locally and there is no revocation list.
/// </summary>
public sealed class LogoutEndpoint(TokenCookie cookie, ILogger<LogoutEndpoint> logger) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/logout");
        AllowAnonymous();
        Description(endpoint => endpoint.Produces(StatusCodes.Status302Found).AutoTagOverride("Login"));
        Summary(summary => summary.Responses[StatusCodes.Status302Found] = "A form post: redirect to the login page.");
    }

    public override async Task HandleAsync(CancellationToken cancellation)
    {
        cookie.Delete(HttpContext.Response);

        var userId = User.FindFirst(SlicesClaims.UserId)?.Value;
        if (userId is not null)
            logger.LogInformation("Logout for {UserId}", userId);

        // A form post comes from a page in the browser, which should land on the login page.
        if (HttpContext.Request.HasFormContentType)
        {
            await Send.RedirectAsync("/login");
            return;
        }

        await Send.NoContentAsync(cancellation);
    }
}
