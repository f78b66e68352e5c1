using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Slices.Store;

namespace Slices.Features.GraphQL;

/// <summary>
/// Reads the <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> arguments into the store's page request and
/// turns the store's pages into connections. Cursors are the store's own, so a connection pages by key and its
/// cursors stay valid while rows are added.
/// </summary>
public static class Connections
{
    /// <summary>Adds the Relay paging arguments to a connection field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>(
                "first",
                $"Number of edges after the 'after' cursor, or from the start; 1 to {Store.PageRequest.MaxSize}. Without first and last, {Store.PageRequest.DefaultSize} edges from the start.")
            .Argument<StringGraphType>("after", "Cursor of the edge to start after.")
            .Argument<IntGraphType>("last", $"Number of edges before the 'before' cursor, or up to the end; 1 to {Store.PageRequest.MaxSize}.")
            .Argument<StringGraphType>("before", "Cursor of the edge to end before.");

    /// <summary>
    /// Reads the paging arguments as they are; the handler that reads the page validates them, and
    /// <see cref="GraphOutcomes"/> reports what it finds.
    /// </summary>
    public static Store.PageRequest ReadPageRequest(IResolveFieldContext context, bool descending = false) =>
        new(
            First: context.GetArgument<int?>("first"),
            After: context.GetArgument<string?>("after"),
            Last: context.GetArgument<int?>("last"),
            Before: context.GetArgument<string?>("before"),
            Descending: descending);

    /// <summary>Returns one page of the store as a connection, mapping each row to its node with <paramref name="toNode"/>.</summary>
    public static Connection<object> FromPage<TRow>(Page<TRow> page, Func<TRow, object> toNode) =>
        new()
        {
            Edges = page.Edges.Select(edge => new Edge<object> { Node = toNode(edge.Node), Cursor = edge.Cursor }).ToList(),
            PageInfo = new global::GraphQL.Types.Relay.DataObjects.PageInfo
            {
                HasNextPage = page.PageInfo.HasNextPage,
                HasPreviousPage = page.PageInfo.HasPreviousPage,
                StartCursor = page.PageInfo.StartCursor,
                EndCursor = page.PageInfo.EndCursor,
            },
        };

    /// <summary>Returns one page of the store as a connection whose nodes are the rows themselves.</summary>
    public static Connection<object> FromPage<TRow>(Page<TRow> page)
        where TRow : notnull =>
        FromPage(page, row => row);
}
