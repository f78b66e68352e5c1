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
    /// Returns a failure for each invalid part of <paramref name="request"/>, keyed by first, last, after or before.
    /// A cursor is valid only when the list named <paramref name="listName"/> issued it in the same direction.
    /// </summary>
    public static ImmutableArray<ValidationFailure> Validate<TKey>(PageRequest request, string listName)
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
        if (request.After is not null && !TKey.TryParseCursor(request.After, scope, out _))
            failures.Add(new ValidationFailure("after", "after is not a cursor returned by this list."));

        if (request.Before is not null && !TKey.TryParseCursor(request.Before, scope, out _))
            failures.Add(new ValidationFailure("before", "before is not a cursor returned by this list."));

        return failures.ToImmutable();
    }

    /// <summary>
    /// Reads one page of <paramref name="index"/>, loading each row with <paramref name="load"/>. Its cursors record
    /// <paramref name="listName"/>, which names the list and its sort order, and the request's direction.
    /// Without first and last it returns the first <see cref="PageRequest.DefaultSize"/> rows.
    /// With a <paramref name="filter"/>, the page contains only rows it accepts, and hasNextPage and hasPreviousPage
    /// are true when accepted rows lie beyond the page. Rows the filter rejects are loaded and skipped one by one,
    /// so a filter costs a scan of the rows it skips.
    /// Call <see cref="Validate{TKey}"/> first: an invalid request raises <see cref="ArgumentException"/>.
    /// </summary>
    public static Page<TItem> Read<TKey, TItem>(
        ImmutableSortedSet<TKey> index,
        string listName,
        PageRequest request,
        Func<TKey, TItem> load,
        Func<TItem, bool>? filter = null)
        where TKey : struct, ICursorKey<TKey>
    {
        // Sizes are checked here, and each cursor where it is parsed, instead of through Validate. Decoding a cursor is
        // most of the extra cost of a page after a cursor over the first page, so it happens once per read.
        if ((request.First is not null && request.Last is not null) || request.First is < 1 or > PageRequest.MaxSize || request.Last is < 1 or > PageRequest.MaxSize)
            throw new ArgumentException("The page request is invalid. Call Validate first.", nameof(request));

        var window = new Window<TKey, TItem>(index, listName, request, load);
        var (low, high) = window.Bounds();

        return filter is null ? window.Slice(low, high) : window.Scan(low, high, filter);
    }

    /// <summary>The rows of an index in page order, between the request's cursors.</summary>
    private sealed class Window<TKey, TItem>(ImmutableSortedSet<TKey> index, string listName, PageRequest request, Func<TKey, TItem> load)
        where TKey : struct, ICursorKey<TKey>
    {
        private int Size => request.Last ?? request.First ?? PageRequest.DefaultSize;

        /// <summary>Returns the positions, in page order, of the first row after the after-cursor and of the before-cursor's row.</summary>
        public (int Low, int High) Bounds()
        {
            var low = 0;
            var high = index.Count;

            if (request.After is not null)
                low = Position(index, ParseCursor(request.After), request.Descending).FirstAfter;

            if (request.Before is not null)
                high = Math.Max(low, Position(index, ParseCursor(request.Before), request.Descending).FirstNotBefore);

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

        private readonly string scope = CursorScope(listName, request.Descending);

        private PageEdge<TItem> Edge(int position, TItem item) => new(item, KeyAt(position).ToCursor(scope));

        private TKey ParseCursor(string cursor) =>
            TKey.TryParseCursor(cursor, scope, out var key) ? key : throw new ArgumentException("The cursor is invalid.", nameof(cursor));

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
