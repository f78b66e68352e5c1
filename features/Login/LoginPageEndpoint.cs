using FastEndpoints;
using Slices.Auth;

namespace Slices.Features.Login;

public sealed class LoginPageRequest
{
    public string? ReturnUrl { get; set; }
}

/// <summary>Serves the login form; the form keeps the return URL for the redirect after login.</summary>
public sealed class LoginPageEndpoint : Endpoint<LoginPageRequest>, IRequiresSigningKey
{
    public override void Configure()
    {
        Get("/login");
        AllowAnonymous();

        // An HTML page for people. The OpenAPI document lists POST /login, which takes the same credentials.
        Description(endpoint => endpoint.ExcludeFromDescription());
    }

    public override async Task HandleAsync(LoginPageRequest request, CancellationToken cancellation)
    {
        var page = LoginPage.Render(ReturnUrl.Sanitize(request.ReturnUrl));

        await LoginResponses.SendPageAsync(HttpContext, StatusCodes.Status200OK, page, cancellation);
    }
}
