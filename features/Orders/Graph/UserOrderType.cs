using GraphQL.Types;
using Slices.Features.GraphQL;
using Slices.Features.Users.Graph;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders.Graph;

/// <summary>The GraphQL <c>UserOrder</c>: an order with its lines as a connection.</summary>
public sealed class UserOrderType : NodeGraphType<Order>
{
    public const string TypeName = "UserOrder";

    /// <summary>What <c>order_items</c> accepts. <c>line</c> is the order in which the lines were placed.</summary>
    public static readonly ListShape<OrderLine> OrderItemsShape = new()
    {
        OrderFields = ["line", "item_id", "quantity", "amount"],
        Filters = new() { ["item_id"] = value => ItemFilter(GlobalId.ToRawId(value, ItemType.TypeName)) },
    };

    public UserOrderType()
        : base(TypeName, order => order.Id)
    {
        Description = "An order placed for a user and paid by a user, who may be the same.";

        Field<NonNullGraphType<IdGraphType>>("user_id")
            .Description("The global id of the User the order is for.")
            .Resolve(context => GlobalId.Encode(UserType.TypeName, context.Source.UserId));
        Field<NonNullGraphType<IdGraphType>>("payer_id")
            .Description("The global id of the User who pays.")
            .Resolve(context => GlobalId.Encode(UserType.TypeName, context.Source.PayerId));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("order_date").Resolve(context => context.Source.OrderDate);
        Field<NonNullGraphType<ConnectionGraphType<OrderItemType>>>("order_items")
            .Description("The lines of the order, page by page.")
            .WithListArguments(OrderItemsShape)
            .Resolve(context => OrderItems.Page(context, context.Source));
    }

    private static Func<OrderLine, bool> ItemFilter(string itemId) => line => line.Item.ItemId == itemId;
}
