using GraphQL;
using Slices.Features.GraphQL;
using Slices.Store;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders.Graph;

/// <summary>
/// Pages through the lines of one order. An order never changes once placed, so a cursor contains a line's position
/// in the chosen order, and stays valid for that order.
/// </summary>
public static class OrderItems
{
    public static object Page(IResolveFieldContext context, Order order)
    {
        var shape = UserOrderType.OrderItemsShape;
        var (field, descending) = ListArguments.ReadOrderBy(context, shape);
        var request = Connections.ReadPageRequest(context, descending);

        // A position means a line of one order in one sort field, so each order and field is a list of its own.
        var listName = $"order_items.{order.Id}.{field}";
        var query = KeysetPaging.Validate<PositionKey>(request, listName);
        if (!query.IsValid)
            throw GraphOutcomes.InvalidInput(query.Failures);

        // Equal values keep the order in which the lines were placed.
        var lines = Enumerable.Range(1, order.OrderItems.Length).Select(number => new OrderLine(order, number));
        var sorted = field switch
        {
            "item_id" => lines.OrderBy(line => line.Item.ItemId, StringComparer.Ordinal),
            "quantity" => lines.OrderBy(line => line.Item.Quantity),
            "amount" => lines.OrderBy(line => line.Item.Amount),
            _ => lines.OrderBy(line => line.LineNumber),
        };
        var rows = sorted.ToArray();

        var page = KeysetPaging.Read(PositionKey.Range(rows.Length), query, key => rows[key.Position], ListArguments.ReadRowTest(context, shape));

        return Connections.FromPage(page);
    }
}
