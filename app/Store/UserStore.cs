using System.Collections.Immutable;

namespace Slices.Store;

/// <summary>Result of an insert: the stored record, or the name of the unique field whose value is taken.</summary>
public sealed record InsertResult<T>(T? Stored, string? ConflictField)
    where T : class
{
    public static InsertResult<T> Success(T stored) => new(stored, null);

    public static InsertResult<T> Conflict(string field) => new(null, field);
}

/// <summary>
/// Users, unique by username and by primary email, both compared case-insensitively.
/// Writers take a lock and publish a new immutable table, so readers never lock and never see a half-written record.
/// </summary>
public sealed class UserStore(IIdGenerator ids)
{
    private const int MaxIdAttempts = 8;

    private readonly Lock writeLock = new();
    private volatile UserTable table = UserTable.Empty;

    public int Count => table.ById.Count;

    public User? FindById(string id) => table.ById.GetValueOrDefault(id);

    public User? FindByUsername(string username)
    {
        var current = table;

        return current.IdByUsername.TryGetValue(username, out var id) ? current.ById[id] : null;
    }

    public User? FindByEmail(string email)
    {
        var current = table;

        return current.IdByEmail.TryGetValue(email, out var id) ? current.ById[id] : null;
    }

    /// <summary>
    /// Returns the first user, by full name and then id, whose full name equals <paramref name="fullName"/> ignoring
    /// case. Full names need not be unique.
    /// </summary>
    public User? FindFirstByFullName(string fullName)
    {
        var current = table;
        var index = current.ByFullName;

        // The index orders by full name ignoring case first, so equal names are adjacent: binary search for the first.
        var low = 0;
        var high = index.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (StringComparer.OrdinalIgnoreCase.Compare(index[middle].Text, fullName) < 0)
                low = middle + 1;
            else
                high = middle;
        }

        return low < index.Count && StringComparer.OrdinalIgnoreCase.Equals(index[low].Text, fullName)
            ? current.ById[index[low].Id]
            : null;
    }

    public IReadOnlyCollection<User> All() => table.ById.Values.ToArray();

    /// <summary>Users ordered by full name, for keyset paging.</summary>
    public ImmutableSortedSet<TextKey> IndexByFullName => table.ByFullName;

    /// <summary>Users ordered by username, for keyset paging.</summary>
    public ImmutableSortedSet<TextKey> IndexByUsername => table.ByUsername;

    /// <summary>Users ordered by creation time, for keyset paging.</summary>
    public ImmutableSortedSet<TimeKey> IndexByCreatedAt => table.ByCreatedAt;

    /// <summary>
    /// Stores <paramref name="user"/> under a new id, or under its own id when it has one (demo data),
    /// unless its username or email is taken.
    /// </summary>
    public InsertResult<User> Insert(User user)
    {
        lock (writeLock)
        {
            var current = table;

            if (current.IdByUsername.ContainsKey(user.Username))
                return InsertResult<User>.Conflict("username");

            if (current.IdByEmail.ContainsKey(user.PrimaryEmail))
                return InsertResult<User>.Conflict("primary_email");

            var stored = string.IsNullOrEmpty(user.Id) ? user with { Id = NewUniqueId(current) } : user;
            if (current.ById.ContainsKey(stored.Id))
                return InsertResult<User>.Conflict("id");

            table = new UserTable(
                current.ById.Add(stored.Id, stored),
                current.IdByUsername.Add(stored.Username, stored.Id),
                current.IdByEmail.Add(stored.PrimaryEmail, stored.Id),
                current.ByFullName.Add(new TextKey(stored.FullName, stored.Id)),
                current.ByUsername.Add(new TextKey(stored.Username, stored.Id)),
                current.ByCreatedAt.Add(new TimeKey(stored.CreatedAt, stored.Id)));

            return InsertResult<User>.Success(stored);
        }
    }

    private string NewUniqueId(UserTable current)
    {
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var id = ids.NewId();
            if (!current.ById.ContainsKey(id))
                return id;
        }

        throw new InvalidOperationException($"No free user id after {MaxIdAttempts} attempts; the id generator is not random.");
    }

    private sealed record UserTable(
        ImmutableDictionary<string, User> ById,
        ImmutableDictionary<string, string> IdByUsername,
        ImmutableDictionary<string, string> IdByEmail,
        ImmutableSortedSet<TextKey> ByFullName,
        ImmutableSortedSet<TextKey> ByUsername,
        ImmutableSortedSet<TimeKey> ByCreatedAt)
    {
        public static readonly UserTable Empty = new(
            ImmutableDictionary<string, User>.Empty,
            ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase),
            ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase),
            ImmutableSortedSet<TextKey>.Empty,
            ImmutableSortedSet<TextKey>.Empty,
            ImmutableSortedSet<TimeKey>.Empty);
    }
}
