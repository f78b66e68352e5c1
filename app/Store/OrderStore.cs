using System.Collections.Immutable;

namespace Slices.Store;

/// <summary>
/// Orders, each referencing an existing user, payer and items. Every user's orders are kept in a
/// sorted index by (order_date, id) for keyset paging. Writers take a lock and publish a new
/// immutable table, so readers never lock and never see a half-written order.
/// </summary>
public sealed class OrderStore(UserStore users, ItemStore items, IIdGenerator ids)
{
    private const int MaxIdAttempts = 8;

    private readonly Lock writeLock = new();
    private volatile OrderTable table = OrderTable.Empty;

    public int Count => table.ById.Count;

    public Order? FindById(string id) => table.ById.GetValueOrDefault(id);

    /// <summary>Returns the orders placed for <paramref name="userId"/>, ordered by (order_date, id).</summary>
    public ImmutableSortedSet<TimeKey> IndexOfUser(string userId) =>
        table.ByUser.GetValueOrDefault(userId, OrderTable.EmptyIndex);

    /// <summary>
    /// Stores <paramref name="order"/> under a new id, or under its own id when it has one (demo data).
    /// Returns a conflict naming the field whose reference does not exist.
    /// </summary>
    public InsertResult<Order> Insert(Order order)
    {
        // Users and items are never deleted, so a reference checked here stays valid once the order is stored.
        if (users.FindById(order.UserId) is null)
            return InsertResult<Order>.Conflict("user_id");

        if (users.FindById(order.PayerId) is null)
            return InsertResult<Order>.Conflict("payer_id");

        if (order.OrderItems.IsDefaultOrEmpty)
            return InsertResult<Order>.Conflict("order_items");

        foreach (var line in order.OrderItems)
        {
            if (items.FindById(line.ItemId) is null)
                return InsertResult<Order>.Conflict("item_id");
        }

        lock (writeLock)
        {
            var current = table;
            var stored = string.IsNullOrEmpty(order.Id) ? order with { Id = NewUniqueId(current) } : order;
            if (current.ById.ContainsKey(stored.Id))
                return InsertResult<Order>.Conflict("id");

            var userIndex = current.ByUser.GetValueOrDefault(stored.UserId, OrderTable.EmptyIndex);

            table = new OrderTable(
                current.ById.Add(stored.Id, stored),
                current.ByUser.SetItem(stored.UserId, userIndex.Add(new TimeKey(stored.OrderDate, stored.Id))));

            return InsertResult<Order>.Success(stored);
        }
    }

    private string NewUniqueId(OrderTable current)
    {
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var id = ids.NewId();
            if (!current.ById.ContainsKey(id))
                return id;
        }

        throw new InvalidOperationException($"No free order id after {MaxIdAttempts} attempts; the id generator is not random.");
    }

    private sealed record OrderTable(
        ImmutableDictionary<string, Order> ById,
        ImmutableDictionary<string, ImmutableSortedSet<TimeKey>> ByUser)
    {
        public static readonly ImmutableSortedSet<TimeKey> EmptyIndex = ImmutableSortedSet<TimeKey>.Empty;

        public static readonly OrderTable Empty = new(
            ImmutableDictionary<string, Order>.Empty,
            ImmutableDictionary<string, ImmutableSortedSet<TimeKey>>.Empty);
    }
}
