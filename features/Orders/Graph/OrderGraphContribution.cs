using System.Text.Json;
using FastEndpoints;
using GraphQL;
using GraphQL.Types;
using Slices.Api;
using Slices.Features.GraphQL;
using Slices.Features.Users.Graph;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders.Graph;

/// <summary>
/// The orders' part of the schema: <c>listUserOrders</c>, <c>createOrder</c>, and <c>UserOrder</c> and
/// <c>OrderItem</c> nodes. Every field calls the Orders handlers, so GraphQL applies the rules that REST applies.
/// </summary>
public sealed class OrderGraphContribution : IGraphContribution
{
    public const string OrderCreatedId = "002";
    public const string InvalidItemDetailsId = "DO01";
    public const string OrderNotCreatedId = "EO01";

    private static readonly ListShape<Order> ListUserOrdersShape = new()
    {
        OrderFields = ["order_date"],
        DefaultDirection = OrderByDirection.Desc,
        Filters = new()
        {
            ["payer_id"] = value =>
            {
                var payerId = GlobalId.ToRawId(value, UserType.TypeName);
                return order => order.PayerId == payerId;
            },
        },
        Parameters = new()
        {
            ["order_date_from"] = ListArguments.DateParameter<Order>("order_date_from", from => order => order.OrderDate >= from),
            ["order_date_to"] = ListArguments.DateParameter<Order>("order_date_to", to => order => order.OrderDate < to),
        },
    };

    public IEnumerable<Type> AdditionalTypes => [typeof(UserOrderType), typeof(OrderItemType)];

    public void AddQueryFields(ObjectGraphType query) =>
        query.Field<ConnectionGraphType<UserOrderType>>("listUserOrders")
            .Description("Lists the orders placed for a user, newest first by default. A user lists only their own orders; an admin anyone's.")
            .Argument<NonNullGraphType<IdGraphType>>("user_id", "A global User id or a raw user id.")
            .WithListArguments(ListUserOrdersShape)
            .ResolveAsync(async context =>
            {
                var userId = GlobalId.ToRawId(context.GetArgument<string>("user_id"), UserType.TypeName);
                var (_, descending) = ListArguments.ReadOrderBy(context, ListUserOrdersShape);
                var command = new ListUserOrdersCommand(
                    context.Viewer(),
                    userId,
                    Connections.ReadPageRequest(context, descending),
                    ListArguments.ReadRowTest(context, ListUserOrdersShape));

                var page = (await command.ExecuteAsync(context.CancellationToken)).ValueOrError($"User '{userId}' was not found.");

                return Connections.FromPage(page);
            });

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CreateOrderPayloadType>>("createOrder")
            .Description("Places an order. A user orders only for and as themselves; an admin for anyone. "
                + "The payload's completionObj says whether it worked and why not.")
            .Argument<NonNullGraphType<CreateOrderRequestType>>("input")
            .ResolveAsync(async context =>
            {
                var request = context.GetArgument<CreateOrderRequest>("input");

                return await CreateAsync(request, context.Viewer(), context.CancellationToken);
            });

    private static async Task<CreateOrderPayload> CreateAsync(CreateOrderRequest request, Slices.Auth.Viewer viewer, CancellationToken cancellation)
    {
        CreateOrderInput input;
        try
        {
            input = ToInput(request.OrderData);
        }
        catch (InvalidItemDetailsException exception)
        {
            return new CreateOrderPayload(null, CompletionObj.Failed(InvalidItemDetailsId, exception.Message), request.ClientMutationId);
        }
        catch (ExecutionError error)
        {
            return new CreateOrderPayload(null, CompletionObj.Failed(OrderNotCreatedId, error.Message), request.ClientMutationId);
        }

        var outcome = await new CreateOrderCommand(viewer, input).ExecuteAsync(cancellation);
        var completion = outcome.Status switch
        {
            OutcomeStatus.Succeeded => CompletionObj.Succeeded(OrderCreatedId, "Order created"),
            OutcomeStatus.Forbidden => CompletionObj.Failed(OrderNotCreatedId, "A user orders only for and as themselves; only an admin may order for others."),
            _ => CompletionObj.Failed(OrderNotCreatedId, GraphOutcomes.Describe(outcome.Failures)),
        };

        return new CreateOrderPayload(
            outcome.Value is { } order ? GlobalId.Encode(UserOrderType.TypeName, order.Id) : null,
            completion,
            request.ClientMutationId);
    }

    /// <summary>Turns ids into raw ids and item_details text into JSON objects, the way the handler takes them.</summary>
    private static CreateOrderInput ToInput(OrderRequest order) => new()
    {
        UserId = GlobalId.ToRawId(order.UserId, UserType.TypeName),
        PayerId = order.PayerId is null ? null : GlobalId.ToRawId(order.PayerId, UserType.TypeName),
        OrderDate = order.OrderDate,
        OrderItems = order.OrderItems.Select((line, index) =>
        {
            var itemId = GlobalId.ToRawId(line.ItemId, ItemType.TypeName);

            return new OrderItemInput
            {
                ItemId = itemId,
                Quantity = line.Quantity,
                Amount = line.Amount is { } amount ? ToDecimal(amount, index) : null,
                ItemDetails = line.ItemDetails is null ? null : ParseDetails(line.ItemDetails, index, itemId),
            };
        }).ToList(),
    };

    private static decimal ToDecimal(double amount, int index) =>
        double.IsFinite(amount) && Math.Abs(amount) < 1e15
            ? (decimal)amount
            : throw new ExecutionError($"order_items[{index}].amount {amount} is too large.");

    private static JsonElement ParseDetails(string text, int index, string itemId)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new InvalidItemDetailsException($"item_details of order_items[{index}] (item {itemId}) is not valid JSON: {exception.Message}");
        }

        throw new InvalidItemDetailsException($"item_details of order_items[{index}] (item {itemId}) must be a JSON object, such as {{\"color\": \"black\"}}.");
    }

    private sealed class InvalidItemDetailsException(string message) : Exception(message);
}

/// <summary>Loads <c>UserOrder</c> nodes for their user, their payer or an admin.</summary>
public sealed class UserOrderNodeResolver : INodeResolver
{
    public string TypeName => UserOrderType.TypeName;

    public async Task<object?> ResolveAsync(string rawId, IResolveFieldContext context) =>
        (await new GetOrderCommand(context.Viewer(), rawId).ExecuteAsync(context.CancellationToken)).ValueOrNull();
}

/// <summary>Loads <c>OrderItem</c> nodes: the line of an order that the viewer may see.</summary>
public sealed class OrderItemNodeResolver : INodeResolver
{
    public string TypeName => OrderItemType.TypeName;

    public async Task<object?> ResolveAsync(string rawId, IResolveFieldContext context)
    {
        if (!OrderLine.TryParseRawId(rawId, out var orderId, out var lineNumber))
            return null;

        var order = (await new GetOrderCommand(context.Viewer(), orderId).ExecuteAsync(context.CancellationToken)).ValueOrNull();

        return order is null ? null : OrderLine.Of(order, lineNumber);
    }
}
