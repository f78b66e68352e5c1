using FastEndpoints;
using Slices.Auth;
using Slices.Store;

namespace Slices.Features.Login;

/// <summary>Checks a username and password and, when they match, issues a token for that user.</summary>
public sealed record LoginCommand(string Username, string Password, string ClientAddress) : ICommand<LoginOutcome>;

public enum LoginStatus
{
    Succeeded,
    InvalidCredentials,
    Throttled,
}

/// <summary>Result of a login: the user and token on success, the wait time when throttled.</summary>
public sealed record LoginOutcome(LoginStatus Status, User? User = null, IssuedToken? Token = null, TimeSpan? RetryAfter = null);

public sealed class LoginHandler(
    UserStore users,
    Passwords passwords,
    LoginThrottle throttle,
    TokenIssuer issuer,
    ILogger<LoginHandler> logger) : ICommandHandler<LoginCommand, LoginOutcome>
{
    public Task<LoginOutcome> ExecuteAsync(LoginCommand command, CancellationToken cancellation)
    {
        var retryAfter = throttle.RetryAfter(command.Username, command.ClientAddress);
        if (retryAfter is not null)
        {
            logger.LogWarning(
                "Login throttled for {Username} from {ClientAddress}; retry after {RetryAfterSeconds} s",
                command.Username,
                command.ClientAddress,
                Math.Ceiling(retryAfter.Value.TotalSeconds));
            return Task.FromResult(new LoginOutcome(LoginStatus.Throttled, RetryAfter: retryAfter));
        }

        var user = users.FindByUsername(command.Username);
        // For an unknown user Verify still runs one hash verification, so timing does not reveal which usernames exist.
        if (!passwords.Verify(user?.PasswordHash, command.Password) || user is null)
        {
            throttle.RecordFailure(command.Username, command.ClientAddress);
            logger.LogInformation(
                "Login failed for {Username} from {ClientAddress}: {Reason}",
                command.Username,
                command.ClientAddress,
                user is null ? "unknown username" : "wrong password");
            return Task.FromResult(new LoginOutcome(LoginStatus.InvalidCredentials));
        }

        throttle.RecordSuccess(command.Username);
        var token = issuer.Issue(new TokenSubject(user.Id, user.Username, user.PrimaryLocale, user.Role));

        logger.LogInformation(
            "Login succeeded for {Username} ({UserId}) from {ClientAddress}",
            user.Username,
            user.Id,
            command.ClientAddress);

        return Task.FromResult(new LoginOutcome(LoginStatus.Succeeded, user, token));
    }
}
