using System.Collections.Immutable;

namespace Slices.Store;

/// <summary>
/// A page request in Relay terms: <see cref="First"/> rows after the <see cref="After"/> cursor, or
/// <see cref="Last"/> rows before the <see cref="Before"/> cursor. <see cref="Descending"/> reverses the index order.
/// </summary>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null, bool Descending = false)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
}

/// <summary>
/// A page request checked against one list: <see cref="Failures"/> lists each invalid part, and the cursors are
/// decoded into <see cref="After"/> and <see cref="Before"/>, so that reading the page does not decode them again.
/// <see cref="Scope"/> is the list name and direction that the page's own cursors record.
/// </summary>
public sealed record PageQuery<TKey>(
    PageRequest Request,
    string Scope,
    TKey? After,
    TKey? Before,
    ImmutableArray<FluentValidation.Results.ValidationFailure> Failures)
    where TKey : struct
{
    public bool IsValid => Failures.IsEmpty;
}

/// <summary>
/// Where a page sits in the whole index: whether rows exist after its last row and before its first, for
/// first/after and last/before requests alike. Relay allows false in some of these cases, but this is exact.
/// </summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>One row of a page with the cursor that points at it.</summary>
public sealed record PageEdge<T>(T Node, string Cursor);

public sealed record Page<T>(ImmutableArray<PageEdge<T>> Edges, PageInfo PageInfo)
{
    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);
}
