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
    /// <summary>Returns a failure for each invalid part of <paramref name="request"/>, keyed by first, last, after or before.</summary>
    public static ImmutableArray<ValidationFailure> Validate<TKey>(PageRequest request)
        where TKey : struct, ICursorKey<TKey>
    {
        var failures = ImmutableArray.CreateBuilder<ValidationFailure>();

        if (request.First is not null && request.Last is not null)
            failures.Add(new ValidationFailure("first", "Give first or last, not both."));

        if (request.First is < 1 or > PageRequest.MaxSize)
            failures.Add(new ValidationFailure("first", $"first must be between 1 and {PageRequest.MaxSize}."));

        if (request.Last is < 1 or > PageRequest.MaxSize)
            failures.Add(new ValidationFailure("last", $"last must be between 1 and {PageRequest.MaxSize}."));

        if (request.After is not null && !TKey.TryParseCursor(request.After, out _))
            failures.Add(new ValidationFailure("after", "after is not a cursor returned by this list."));

        if (request.Before is not null && !TKey.TryParseCursor(request.Before, out _))
            failures.Add(new ValidationFailure("before", "before is not a cursor returned by this list."));

        return failures.ToImmutable();
    }

    /// <summary>
    /// Reads one page of <paramref name="index"/>, loading each row with <paramref name="load"/>.
    /// Without first and last it returns the first <see cref="PageRequest.DefaultSize"/> rows.
    /// Call <see cref="Validate{TKey}"/> first: an invalid request raises <see cref="ArgumentException"/>.
    /// </summary>
    public static Page<TItem> Read<TKey, TItem>(ImmutableSortedSet<TKey> index, PageRequest request, Func<TKey, TItem> load)
        where TKey : struct, ICursorKey<TKey>
    {
        // Sizes are checked here, and each cursor where it is parsed, instead of through Validate. Decoding a cursor is
        // most of the extra cost of a page after a cursor over the first page, so it happens once per read.
        if ((request.First is not null && request.Last is not null) || request.First is < 1 or > PageRequest.MaxSize || request.Last is < 1 or > PageRequest.MaxSize)
            throw new ArgumentException("The page request is invalid. Call Validate first.", nameof(request));

        var count = index.Count;
        var start = 0;
        var end = count;

        if (request.After is not null)
            start = Bounds(index, ParseCursor<TKey>(request.After), request.Descending).FirstAfter;

        if (request.Before is not null)
            end = Math.Max(start, Bounds(index, ParseCursor<TKey>(request.Before), request.Descending).FirstNotBefore);

        if (request.Last is { } last)
            start = Math.Max(start, end - last);
        else
            end = Math.Min(end, start + (request.First ?? PageRequest.DefaultSize));

        var edges = ImmutableArray.CreateBuilder<PageEdge<TItem>>(end - start);
        for (var position = start; position < end; position++)
        {
            var key = index[request.Descending ? count - 1 - position : position];
            edges.Add(new PageEdge<TItem>(load(key), key.ToCursor()));
        }

        var pageInfo = new PageInfo(
            HasNextPage: end < count,
            HasPreviousPage: start > 0,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);

        return new Page<TItem>(edges.MoveToImmutable(), pageInfo);
    }

    private static TKey ParseCursor<TKey>(string cursor)
        where TKey : struct, ICursorKey<TKey> =>
        TKey.TryParseCursor(cursor, out var key) ? key : throw new ArgumentException("The cursor is invalid.", nameof(cursor));

    /// <summary>
    /// Returns, in page order, the position of the first row after <paramref name="key"/> and of the first
    /// row not before it. The key itself need not be in the index.
    /// </summary>
    private static (int FirstAfter, int FirstNotBefore) Bounds<TKey>(ImmutableSortedSet<TKey> index, TKey key, bool descending)
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
