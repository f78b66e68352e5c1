using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Slices.Features.GraphQL;

/// <summary>The paging arguments of a connection field, with cursors already decoded to keys.</summary>
public sealed record PageRequest(int? First, string? AfterKey, int? Last, string? BeforeKey);

/// <summary>Builds connection results and reads the <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> arguments.</summary>
public static class Connections
{
    private const string CursorPrefix = "cursor:";

    /// <summary>Adds the Relay paging arguments to a connection field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", "Number of edges after the 'after' cursor, or from the start.")
            .Argument<StringGraphType>("after", "Cursor of the edge to start after.")
            .Argument<IntGraphType>("last", "Number of edges before the 'before' cursor, or up to the end.")
            .Argument<StringGraphType>("before", "Cursor of the edge to end before.");

    /// <summary>
    /// Reads the paging arguments. Raises an error with the code <c>INVALID_PAGING</c> when both <c>first</c> and
    /// <c>last</c> are given or either is outside 1 to <paramref name="maxPageSize"/>, and <c>INVALID_CURSOR</c> for a
    /// cursor that this API did not issue.
    /// </summary>
    public static PageRequest ReadPageRequest(IResolveFieldContext context, int maxPageSize)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");

        if (first is not null && last is not null)
            throw new ExecutionError("Give 'first' or 'last', not both.") { Code = "INVALID_PAGING" };

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value is < 1 || value > maxPageSize)
                throw new ExecutionError($"'{name}' must be between 1 and {maxPageSize}; it is {value}.") { Code = "INVALID_PAGING" };
        }

        return new PageRequest(first, DecodeCursor(context.GetArgument<string?>("after")), last, DecodeCursor(context.GetArgument<string?>("before")));
    }

    /// <summary>Encodes a sort key as an opaque cursor.</summary>
    public static string EncodeCursor(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + key));

    /// <summary>Builds one page of a connection. Each node's cursor encodes the key that <paramref name="cursorKey"/> returns.</summary>
    public static Connection<object> Create<TNode>(IReadOnlyList<TNode> nodes, Func<TNode, string> cursorKey, bool hasPreviousPage, bool hasNextPage)
        where TNode : notnull
    {
        var edges = nodes.Select(node => new Edge<object> { Node = node, Cursor = EncodeCursor(cursorKey(node)) }).ToList();

        return new Connection<object>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasPreviousPage = hasPreviousPage,
                HasNextPage = hasNextPage,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    private static string? DecodeCursor(string? cursor)
    {
        if (cursor is null)
            return null;

        var bytes = new byte[cursor.Length];
        if (Convert.TryFromBase64String(cursor, bytes, out var length))
        {
            var text = Encoding.UTF8.GetString(bytes, 0, length);
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal))
                return text[CursorPrefix.Length..];
        }

        throw new ExecutionError($"The cursor '{cursor}' is not valid; use a cursor from a previous page.") { Code = "INVALID_CURSOR" };
    }
}
