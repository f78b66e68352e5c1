using System.Collections.Immutable;
using FluentValidation.Results;

namespace Slices.Store;

/// <summary>
/// Keyset paging over an immutable sorted index. The cursor's position is found by binary search and each
/// row by the O(log n) indexer, so a page costs O((page size + 1) log n) whatever its offset. A cursor
/// stays valid when rows are inserted, because it contains the key itself rather than a position.
/// </summary>
public static class KeysetPaging
{
    /// <summary>
    /// Checks <paramref name="request"/> against the list named <paramref name="listName"/> and decodes its cursors.
    /// The result has a failure for each invalid part, keyed by first, last, after or before. A cursor is valid
    /// only when the same list issued it in the same direction.
    /// </summary>
    public static PageQuery<TKey> Validate<TKey>(PageRequest request, string listName)
        where TKey : struct, ICursorKey<TKey>
    {
        var failures = ImmutableArray.CreateBuilder<ValidationFailure>();

        if (request.First is not null && request.Last is not null)
            failures.Add(new ValidationFailure("first", "Give first or last, not both."));

        if (request.First is < 1 or > PageRequest.MaxSize)
            failures.Add(new ValidationFailure("first", $"first must be between 1 and {PageRequest.MaxSize}."));

        if (request.Last is < 1 or > PageRequest.MaxSize)
            failures.Add(new ValidationFailure("last", $"last must be between 1 and {PageRequest.MaxSize}."));

        var scope = CursorScope(listName, request.Descending);
        var after = Decode(request.After, "after");
        var before = Decode(request.Before, "before");

        return new PageQuery<TKey>(request, scope, after, before, failures.ToImmutable());

        TKey? Decode(string? cursor, string parameter)
        {
            if (cursor is null)
                return null;

            if (TKey.TryParseCursor(cursor, scope, out var key))
                return key;

            failures.Add(new ValidationFailure(parameter, $"{parameter} is not a cursor returned by this list."));
            return null;
        }
    }

    /// <summary>
    /// Reads one page of <paramref name="index"/>, loading each row with <paramref name="load"/>.
    /// Without first and last it returns the first <see cref="PageRequest.DefaultSize"/> rows.
    /// With a <paramref name="filter"/>, the page contains only rows it accepts, and hasNextPage and hasPreviousPage
    /// are true when accepted rows lie beyond the page. Rows the filter rejects are loaded and skipped one by one,
    /// so a filter costs a scan of the rows it skips.
    /// A query with failures raises <see cref="ArgumentException"/>.
    /// </summary>
    public static Page<TItem> Read<TKey, TItem>(
        ImmutableSortedSet<TKey> index,
        PageQuery<TKey> query,
        Func<TKey, TItem> load,
        Func<TItem, bool>? filter = null)
        where TKey : struct, ICursorKey<TKey>
    {
        if (!query.IsValid)
            throw new ArgumentException($"The page request is invalid: {query.Failures[0].ErrorMessage}", nameof(query));

        var window = new Window<TKey, TItem>(index, query, load);
        var (low, high) = window.Bounds();

        return filter is null ? window.Slice(low, high) : window.Scan(low, high, filter);
    }

    /// <summary>Checks <paramref name="request"/> and reads one page, for callers that have no failure to report.</summary>
    public static Page<TItem> Read<TKey, TItem>(
        ImmutableSortedSet<TKey> index,
        string listName,
        PageRequest request,
        Func<TKey, TItem> load,
        Func<TItem, bool>? filter = null)
        where TKey : struct, ICursorKey<TKey> =>
        Read(index, Validate<TKey>(request, listName), load, filter);

    /// <summary>The rows of an index in page order, between the request's cursors.</summary>
    private sealed class Window<TKey, TItem>(ImmutableSortedSet<TKey> index, PageQuery<TKey> query, Func<TKey, TItem> load)
        where TKey : struct, ICursorKey<TKey>
    {
        private readonly PageRequest request = query.Request;

        private int Size => request.Last ?? request.First ?? PageRequest.DefaultSize;

        /// <summary>Returns the positions, in page order, of the first row after the after-cursor and of the before-cursor's row.</summary>
        public (int Low, int High) Bounds()
        {
            var low = 0;
            var high = index.Count;

            if (query.After is { } after)
                low = Position(index, after, request.Descending).FirstAfter;

            if (query.Before is { } before)
                high = Math.Max(low, Position(index, before, request.Descending).FirstNotBefore);

            return (low, high);
        }

        /// <summary>Takes the first or last rows between the bounds by position alone.</summary>
        public Page<TItem> Slice(int low, int high)
        {
            var start = request.Last is null ? low : Math.Max(low, high - Size);
            var end = request.Last is null ? Math.Min(high, low + Size) : high;

            var edges = ImmutableArray.CreateBuilder<PageEdge<TItem>>(end - start);
            for (var position = start; position < end; position++)
                edges.Add(Edge(position, load(KeyAt(position))));

            return ToPage(edges.MoveToImmutable(), hasPrevious: start > 0, hasNext: end < index.Count);
        }

        /// <summary>Walks from the bound the request pages from and keeps the rows <paramref name="filter"/> accepts.</summary>
        public Page<TItem> Scan(int low, int high, Func<TItem, bool> filter)
        {
            var found = new List<(int Position, TItem Item)>();
            var backwards = request.Last is not null;

            for (var position = backwards ? high - 1 : low; position >= low && position < high && found.Count < Size; position += backwards ? -1 : 1)
            {
                var item = load(KeyAt(position));
                if (filter(item))
                    found.Add((position, item));
            }

            if (backwards)
                found.Reverse();

            var start = found.Count > 0 ? found[0].Position : low;
            var end = found.Count > 0 ? found[^1].Position + 1 : high;
            var edges = found.Select(row => Edge(row.Position, row.Item)).ToImmutableArray();

            return ToPage(edges, hasPrevious: AnyAccepted(0, start, filter), hasNext: AnyAccepted(end, index.Count, filter));
        }

        private bool AnyAccepted(int from, int to, Func<TItem, bool> filter)
        {
            for (var position = from; position < to; position++)
            {
                if (filter(load(KeyAt(position))))
                    return true;
            }

            return false;
        }

        private TKey KeyAt(int position) => index[request.Descending ? index.Count - 1 - position : position];

        private PageEdge<TItem> Edge(int position, TItem item) => new(item, KeyAt(position).ToCursor(query.Scope));

        private static Page<TItem> ToPage(ImmutableArray<PageEdge<TItem>> edges, bool hasPrevious, bool hasNext) =>
            new(edges, new PageInfo(
                HasNextPage: hasNext,
                HasPreviousPage: hasPrevious,
                StartCursor: edges.Length > 0 ? edges[0].Cursor : null,
                EndCursor: edges.Length > 0 ? edges[^1].Cursor : null));
    }

    /// <summary>Returns the cursor of <paramref name="key"/> in the list <paramref name="listName"/> read in the given direction.</summary>
    public static string CursorOf<TKey>(TKey key, string listName, bool descending)
        where TKey : struct, ICursorKey<TKey> =>
        key.ToCursor(CursorScope(listName, descending));

    // The direction is part of a cursor's scope, because a page after a cursor means other rows in the other direction.
    private static string CursorScope(string listName, bool descending) => descending ? $"{listName}:desc" : $"{listName}:asc";

    /// <summary>
    /// Returns, in page order, the position of the first row after <paramref name="key"/> and of the first
    /// row not before it. The key itself need not be in the index.
    /// </summary>
    private static (int FirstAfter, int FirstNotBefore) Position<TKey>(ImmutableSortedSet<TKey> index, TKey key, bool descending)
    {
        // IndexOf is a binary search: the key's index when present, otherwise the complement of the next larger key's index.
        var found = index.IndexOf(key);
        var countBelow = found >= 0 ? found : ~found;
        var countUpTo = found >= 0 ? found + 1 : ~found;

        return descending
            ? (index.Count - countBelow, index.Count - countUpTo)
            : (countUpTo, countBelow);
    }
}
