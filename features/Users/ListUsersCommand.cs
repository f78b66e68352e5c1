using System.Collections.Immutable;
using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;

namespace Slices.Features.Users;

/// <summary>The field a user list is ordered by; ties are broken by user id.</summary>
public enum UserSortField
{
    FullName,
    Username,
    CreatedAt,
}

/// <summary>The names of <see cref="UserSortField"/> in requests, the same over REST and GraphQL.</summary>
public static class UserSortFields
{
    public static readonly IReadOnlyDictionary<string, UserSortField> ByName = new Dictionary<string, UserSortField>(StringComparer.Ordinal)
    {
        ["full_name"] = UserSortField.FullName,
        ["username"] = UserSortField.Username,
        ["created_at"] = UserSortField.CreatedAt,
    };
}

/// <summary>Lists users page by page. Only admins may. A <paramref name="Filter"/> keeps only the users it accepts.</summary>
public sealed record ListUsersCommand(
    Viewer Viewer,
    PageRequest Page,
    UserSortField OrderBy = UserSortField.FullName,
    Func<User, bool>? Filter = null) : ICommand<Outcome<Page<User>>>;

public sealed class ListUsersHandler(UserStore users, ILogger<ListUsersHandler> logger) : ICommandHandler<ListUsersCommand, Outcome<Page<User>>>
{
    public Task<Outcome<Page<User>>> ExecuteAsync(ListUsersCommand command, CancellationToken cancellation) =>
        Task.FromResult(Execute(command));

    private Outcome<Page<User>> Execute(ListUsersCommand command)
    {
        if (!command.Viewer.IsAdmin)
        {
            logger.LogInformation("User list for {ActorId} rejected: not an admin", command.Viewer.UserId);
            return Outcome<Page<User>>.Forbidden();
        }

        // Each sort order is a list of its own, so a cursor taken in one order is rejected in another.
        return command.OrderBy switch
        {
            UserSortField.FullName => Read(users.IndexByFullName, key => Load(key.Id), "users.full_name", command),
            UserSortField.Username => Read(users.IndexByUsername, key => Load(key.Id), "users.username", command),
            _ => Read(users.IndexByCreatedAt, key => Load(key.Id), "users.created_at", command),
        };
    }

    private static Outcome<Page<User>> Read<TKey>(ImmutableSortedSet<TKey> index, Func<TKey, User> load, string listName, ListUsersCommand command)
        where TKey : struct, ICursorKey<TKey>
    {
        var query = KeysetPaging.Validate<TKey>(command.Page, listName);

        return query.IsValid
            ? Outcome<Page<User>>.Success(KeysetPaging.Read(index, query, load, command.Filter))
            : Outcome<Page<User>>.Invalid(query.Failures);
    }

    // Users are never deleted, so every id in an index has its record.
    private User Load(string id) => users.FindById(id) ?? throw new InvalidOperationException($"User {id} is indexed but not stored.");
}
