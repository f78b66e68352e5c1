using System.Collections.Immutable;

namespace Slices.Store;

/// <summary>The item catalog. Items are added at start-up and read concurrently afterwards.</summary>
public sealed class ItemStore
{
    private readonly Lock writeLock = new();
    private volatile ImmutableSortedDictionary<string, Item> byId = ImmutableSortedDictionary.Create<string, Item>(StringComparer.Ordinal);

    public Item? FindById(string id) => byId.GetValueOrDefault(id);

    /// <summary>Returns every item, ordered by id.</summary>
    public IReadOnlyCollection<Item> All() => byId.Values.ToArray();

    public InsertResult<Item> Insert(Item item)
    {
        lock (writeLock)
        {
            if (byId.ContainsKey(item.Id))
                return InsertResult<Item>.Conflict("id");

            byId = byId.Add(item.Id, item);

            return InsertResult<Item>.Success(item);
        }
    }
}
