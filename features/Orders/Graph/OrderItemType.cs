using System.Globalization;
using GraphQL.Types;
using Slices.Features.GraphQL;
using Slices.Store;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders.Graph;

/// <summary>One line of an order as a node. Its raw id is the order id and the line number, such as <c>1UtNnZBYUHDx:1</c>.</summary>
public sealed record OrderLine(Order Order, int LineNumber)
{
    public OrderItem Item => Order.OrderItems[LineNumber - 1];

    public string RawId => $"{Order.Id}:{LineNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Splits a raw line id into the order id and the line number; false when it is not one.</summary>
    public static bool TryParseRawId(string rawId, out string orderId, out int lineNumber)
    {
        var separator = rawId.LastIndexOf(':');
        orderId = separator > 0 ? rawId[..separator] : "";
        lineNumber = 0;

        return separator > 0 && int.TryParse(rawId.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber);
    }

    /// <summary>Returns the line of <paramref name="order"/> with this number, or null when the order has none.</summary>
    public static OrderLine? Of(Order order, int lineNumber) =>
        lineNumber >= 1 && lineNumber <= order.OrderItems.Length ? new OrderLine(order, lineNumber) : null;
}

/// <summary>The GraphQL <c>OrderItem</c>: a line of an order, with the ordered item's description and category.</summary>
public sealed class OrderItemType : NodeGraphType<OrderLine>
{
    public const string TypeName = "OrderItem";

    public OrderItemType(ItemStore items)
        : base(TypeName, line => line.RawId)
    {
        Description = "A line of an order: an item, its quantity and the amount charged for it.";

        Field<NonNullGraphType<IdGraphType>>("item_id")
            .Description("The global id of the ordered Item.")
            .Resolve(context => GlobalId.Encode(ItemType.TypeName, context.Source.Item.ItemId));

        // Items are never deleted and an order refers only to stored items, so the lookup always finds one.
        Field<NonNullGraphType<StringGraphType>>("desc").Resolve(context => Item(items, context.Source).Desc);
        Field<NonNullGraphType<StringGraphType>>("item_category").Resolve(context => Item(items, context.Source).ItemCategory);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(context => context.Source.Item.Quantity);
        Field<NonNullGraphType<FloatGraphType>>("amount")
            .Description("The total of the line, not the unit price.")
            .Resolve(context => context.Source.Item.Amount);
        Field<StringGraphType>("item_details")
            .Description("Free-form attributes of this line, as JSON text.")
            .Resolve(context => context.Source.Item.ItemDetails?.GetRawText());
    }

    private static Item Item(ItemStore items, OrderLine line) =>
        items.FindById(line.Item.ItemId) ?? throw new InvalidOperationException($"Item {line.Item.ItemId} of order {line.Order.Id} is not stored.");
}
