using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;

namespace Slices.Features.Users;

/// <summary>Reads one user. A user may read only their own record and an admin any record, so any other id is not found.</summary>
public sealed record GetUserCommand(Viewer Viewer, string UserId) : ICommand<Outcome<User>>;

public sealed class GetUserHandler(UserStore users, ILogger<GetUserHandler> logger) : ICommandHandler<GetUserCommand, Outcome<User>>
{
    public Task<Outcome<User>> ExecuteAsync(GetUserCommand command, CancellationToken cancellation)
    {
        if (!command.Viewer.CanSee(command.UserId))
        {
            logger.LogInformation("User {UserId} hidden from {ActorId}: not their own", command.UserId, command.Viewer.UserId);
            return Task.FromResult(Outcome<User>.NotFound());
        }

        var user = users.FindById(command.UserId);
        if (user is null)
        {
            logger.LogInformation("User {UserId} requested by {ActorId} not found", command.UserId, command.Viewer.UserId);
            return Task.FromResult(Outcome<User>.NotFound());
        }

        return Task.FromResult(Outcome<User>.Success(user));
    }
}
