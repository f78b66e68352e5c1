using GraphQL.Types;
using Slices.Features.GraphQL;

namespace Slices.Features.Orders.Graph;

/// <summary>A line of <c>createOrder</c> as given: ids may be global or raw, and item_details is JSON text yet to be checked.</summary>
public sealed record OrderLineRequest(string ItemId, int Quantity, double? Amount, string? ItemDetails);

/// <summary>The order of <c>createOrder</c> as given.</summary>
public sealed record OrderRequest(string UserId, string? PayerId, DateTimeOffset? OrderDate, IReadOnlyList<OrderLineRequest> OrderItems);

/// <summary>The arguments of <c>createOrder</c>: the order and an optional id that the payload echoes.</summary>
public sealed record CreateOrderRequest(OrderRequest OrderData, string? ClientMutationId);

/// <summary>The result of <c>createOrder</c>: the new order's global id on success, and how the mutation finished.</summary>
public sealed record CreateOrderPayload(string? OrderId, CompletionObj CompletionObj, string? ClientMutationId);

/// <summary>The GraphQL <c>OrderItemInput</c>.</summary>
public sealed class OrderLineRequestType : InputObjectGraphType<OrderLineRequest>
{
    public OrderLineRequestType()
    {
        Name = "OrderItemInput";

        Field<NonNullGraphType<IdGraphType>>("item_id").Description("A global Item id or a raw item id.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("More than 0.");
        Field<FloatGraphType>("amount").Description("The line total, 0 or more. When absent, the item's price on the order date times the quantity.");
        Field<StringGraphType>("item_details").Description("Free-form attributes of this line, as the text of a JSON object.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new OrderLineRequest(
        value.TextOrNull("item_id")!,
        Convert.ToInt32(value.ValueOrNull("quantity"), System.Globalization.CultureInfo.InvariantCulture),
        value.ValueOrNull("amount") is { } amount ? Convert.ToDouble(amount, System.Globalization.CultureInfo.InvariantCulture) : null,
        value.TextOrNull("item_details"));
}

/// <summary>The GraphQL <c>OrderInput</c>.</summary>
public sealed class OrderRequestType : InputObjectGraphType<OrderRequest>
{
    public OrderRequestType()
    {
        Name = "OrderInput";

        Field<NonNullGraphType<IdGraphType>>("user_id").Description("The User the order is for: a global or raw id.");
        Field<IdGraphType>("payer_id").Description("The User who pays; user_id when absent.");
        Field<UtcDateTimeGraphType>("order_date").Description("The current time when absent.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineRequestType>>>>("order_items")
            .Description($"1 to {CreateOrderInputValidator.MaxOrderItems} lines.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new OrderRequest(
        value.TextOrNull("user_id")!,
        value.TextOrNull("payer_id"),
        value.ValueOrNull("order_date") as DateTimeOffset?,
        ((IEnumerable<object?>)value["order_items"]!).Cast<OrderLineRequest>().ToList());
}

/// <summary>The GraphQL <c>CreateOrderInput</c>.</summary>
public sealed class CreateOrderRequestType : InputObjectGraphType<CreateOrderRequest>
{
    public CreateOrderRequestType()
    {
        Name = "CreateOrderInput";

        Field<NonNullGraphType<OrderRequestType>>("order_data");
        Field<StringGraphType>("clientMutationId").Description("Any text; the payload returns it unchanged.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new CreateOrderRequest((OrderRequest)value["order_data"]!, value.TextOrNull("clientMutationId"));
}

/// <summary>The GraphQL <c>CreateOrderPayload</c>.</summary>
public sealed class CreateOrderPayloadType : ObjectGraphType<CreateOrderPayload>
{
    public CreateOrderPayloadType()
    {
        Name = "CreateOrderPayload";

        Field<IdGraphType>("order_id").Description("The new order's global id, or null when the order was not placed.").Resolve(context => context.Source.OrderId);
        Field<NonNullGraphType<CompletionObjType>>("completionObj").Resolve(context => context.Source.CompletionObj);
        Field<StringGraphType>("clientMutationId").Resolve(context => context.Source.ClientMutationId);
    }
}
