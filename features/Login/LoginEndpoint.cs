using FastEndpoints;
using FluentValidation;
using Slices.Auth;

namespace Slices.Features.Login;

/// <summary>Credentials, from the login form or from a JSON body.</summary>
public sealed class LoginRequest
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Local path to return to after a form login; ignored for JSON logins.</summary>
    public string? ReturnUrl { get; set; }
}

/// <summary>The viewer and the expiry of the token just set in the cookie.</summary>
public sealed record LoginResponse(string Id, string Username, string Locale, string Role, DateTimeOffset ExpiresAt);

public sealed class LoginRequestValidator : Validator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(request => request.Username)
            .NotEmpty().WithMessage("Username is required.")
            .MaximumLength(64).WithMessage("Username must be at most 64 characters.");
        RuleFor(request => request.Password)
            .NotEmpty().WithMessage("Password is required.")
            .MaximumLength(256).WithMessage("Password must be at most 256 characters.");
    }
}

/// <summary>
/// Logs a user in and sets the token cookie. A form post from the login page is redirected to its
/// return URL; a JSON request gets the viewer as JSON.
/// </summary>
public sealed class LoginEndpoint(TokenCookie cookie) : Endpoint<LoginRequest, LoginResponse>, IRequiresSigningKey
{
    private const string InvalidCredentialsMessage = "The username or password is incorrect.";

    public override void Configure()
    {
        Post("/login");
        AllowAnonymous();
        AllowFormData(urlEncoded: true);
        Description(endpoint => endpoint
            .Accepts<LoginRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblemDetails(StatusCodes.Status401Unauthorized)
            .ProducesProblemDetails(StatusCodes.Status429TooManyRequests));
        Summary(summary => summary.Responses[StatusCodes.Status302Found] = "A form login: redirect to the local returnUrl, with the cookie set.");
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(LoginRequest request, CancellationToken cancellation)
    {
        var fromForm = HttpContext.Request.HasFormContentType;

        if (ValidationFailed)
        {
            if (fromForm)
                await SendFormErrorAsync(request, StatusCodes.Status400BadRequest, string.Join(" ", ValidationFailures.Select(failure => failure.ErrorMessage)), cancellation);
            else
                await Send.ErrorsAsync(StatusCodes.Status400BadRequest, cancellation);
            return;
        }

        var clientAddress = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await new LoginCommand(request.Username!, request.Password!, clientAddress).ExecuteAsync(cancellation);

        switch (outcome.Status)
        {
            case LoginStatus.Throttled:
                var retryAfter = outcome.RetryAfter!.Value;
                var throttledMessage = $"Too many failed logins for this username or address. Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.";
                LoginResponses.SetRetryAfter(HttpContext, retryAfter);
                if (fromForm)
                    await SendFormErrorAsync(request, StatusCodes.Status429TooManyRequests, throttledMessage, cancellation);
                else
                    await LoginResponses.SendProblemAsync(HttpContext, StatusCodes.Status429TooManyRequests, throttledMessage);
                return;

            case LoginStatus.InvalidCredentials:
                if (fromForm)
                    await SendFormErrorAsync(request, StatusCodes.Status401Unauthorized, InvalidCredentialsMessage, cancellation);
                else
                    await LoginResponses.SendProblemAsync(HttpContext, StatusCodes.Status401Unauthorized, InvalidCredentialsMessage);
                return;
        }

        var user = outcome.User!;
        var token = outcome.Token!;
        cookie.Append(HttpContext.Response, token);

        if (fromForm)
        {
            await Send.RedirectAsync(ReturnUrl.Sanitize(request.ReturnUrl));
            return;
        }

        await Send.OkAsync(new LoginResponse(user.Id, user.Username, user.PrimaryLocale, user.Role, token.ExpiresAt), cancellation);
    }

    private Task SendFormErrorAsync(LoginRequest request, int statusCode, string error, CancellationToken cancellation)
    {
        var page = LoginPage.Render(ReturnUrl.Sanitize(request.ReturnUrl), request.Username, error);

        return LoginResponses.SendPageAsync(HttpContext, statusCode, page, cancellation);
    }
}
