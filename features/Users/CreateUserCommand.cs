using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;

namespace Slices.Features.Users;

/// <summary>Creates a user. Only admins may; a taken username or email is a conflict naming that field.</summary>
public sealed record CreateUserCommand(Viewer Viewer, CreateUserInput Input) : ICommand<Outcome<User>>;

public sealed class CreateUserHandler(
    UserStore users,
    Passwords passwords,
    TimeProvider clock,
    ILogger<CreateUserHandler> logger) : ICommandHandler<CreateUserCommand, Outcome<User>>
{
    private static readonly CreateUserInputValidator Rules = new();

    public Task<Outcome<User>> ExecuteAsync(CreateUserCommand command, CancellationToken cancellation) =>
        Task.FromResult(Execute(command));

    private Outcome<User> Execute(CreateUserCommand command)
    {
        if (!command.Viewer.IsAdmin)
        {
            logger.LogInformation("User creation by {ActorId} rejected: not an admin", command.Viewer.UserId);
            return Outcome<User>.Forbidden();
        }

        var validation = Rules.Validate(command.Input);
        if (!validation.IsValid)
            return Outcome<User>.Invalid(FieldNames.ToSnakeCase(validation.Errors));

        var input = command.Input;
        var now = clock.GetUtcNow();
        var user = new User(
            Id: "",
            input.FullName!,
            input.Username!,
            input.PrimaryEmail!,
            input.PrimaryLocale ?? "en",
            input.Role ?? Roles.User,
            passwords.Hash(input.Password!),
            now,
            now);

        var result = users.Insert(user);
        if (result.Stored is null)
        {
            logger.LogInformation(
                "User creation by {ActorId} rejected: {ConflictField} is taken",
                command.Viewer.UserId,
                result.ConflictField);
            return Outcome<User>.Conflict(result.ConflictField!, $"{result.ConflictField} is already taken by another user.");
        }

        logger.LogInformation("User {UserId} created by {ActorId}", result.Stored.Id, command.Viewer.UserId);

        return Outcome<User>.Success(result.Stored);
    }
}
