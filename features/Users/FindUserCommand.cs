using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;

namespace Slices.Features.Users;

/// <summary>The field a user is looked up by.</summary>
public enum UserLookupField
{
    Id,
    Username,
    FullName,
    PrimaryEmail,
}

/// <summary>
/// Finds one user by id, username, full name or email; usernames, names and emails match ignoring case. A user
/// finds only themselves and an admin finds everyone; anyone else is not found. Of several users with the same
/// full name, the first in the full-name index is found.
/// </summary>
public sealed record FindUserCommand(Viewer Viewer, UserLookupField Field, string Value) : ICommand<Outcome<User>>;

public sealed class FindUserHandler(UserStore users, ILogger<FindUserHandler> logger) : ICommandHandler<FindUserCommand, Outcome<User>>
{
    public Task<Outcome<User>> ExecuteAsync(FindUserCommand command, CancellationToken cancellation)
    {
        var user = command.Field switch
        {
            UserLookupField.Id => users.FindById(command.Value),
            UserLookupField.Username => users.FindByUsername(command.Value),
            UserLookupField.FullName => users.FindFirstByFullName(command.Value),
            _ => users.FindByEmail(command.Value),
        };

        if (user is null || !command.Viewer.CanSee(user.Id))
        {
            logger.LogInformation("User lookup by {LookupField} for {ActorId} found no visible user", command.Field, command.Viewer.UserId);
            return Task.FromResult(Outcome<User>.NotFound());
        }

        return Task.FromResult(Outcome<User>.Success(user));
    }
}
