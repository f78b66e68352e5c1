using System.Collections.Immutable;
using System.Text.Json;
using FastEndpoints;
using FluentValidation.Results;
using Slices.Api;
using Slices.Auth;
using Slices.Store;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders;

/// <summary>
/// Places an order. A user orders only for and as themselves, and an admin for anyone. Unknown users and items,
/// and lines without an amount whose item has no price on the order date, are invalid input naming the field.
/// </summary>
public sealed record CreateOrderCommand(Viewer Viewer, CreateOrderInput Input) : ICommand<Outcome<Order>>;

public sealed class CreateOrderHandler(
    OrderStore orders,
    UserStore users,
    ItemStore items,
    TimeProvider clock,
    ILogger<CreateOrderHandler> logger) : ICommandHandler<CreateOrderCommand, Outcome<Order>>
{
    private static readonly CreateOrderInputValidator Rules = new();

    public Task<Outcome<Order>> ExecuteAsync(CreateOrderCommand command, CancellationToken cancellation) =>
        Task.FromResult(Execute(command));

    private Outcome<Order> Execute(CreateOrderCommand command)
    {
        var viewer = command.Viewer;
        var input = command.Input;
        var userId = input.UserId ?? viewer.UserId;
        var payerId = input.PayerId ?? userId;

        if (!viewer.IsAdmin && (userId != viewer.UserId || payerId != viewer.UserId))
        {
            logger.LogInformation("Order for {UserId} paid by {PayerId} rejected for {ActorId}: not an admin", userId, payerId, viewer.UserId);
            return Outcome<Order>.Forbidden();
        }

        var validation = Rules.Validate(input);
        if (!validation.IsValid)
            return Outcome<Order>.Invalid(FieldNames.ToSnakeCase(validation.Errors));

        var orderDate = (input.OrderDate ?? clock.GetUtcNow()).ToUniversalTime();
        var failures = new List<ValidationFailure>();
        if (users.FindById(userId) is null)
            failures.Add(new ValidationFailure("user_id", $"User '{userId}' was not found."));

        // A payer that defaults to the user is reported once, as user_id.
        if (payerId != userId && users.FindById(payerId) is null)
            failures.Add(new ValidationFailure("payer_id", $"User '{payerId}' was not found."));

        var lines = input.OrderItems!.Select((line, index) => PriceLine(line, index, orderDate, failures)).ToImmutableArray();
        if (failures.Count > 0)
            return Outcome<Order>.Invalid(failures);

        var now = clock.GetUtcNow();
        var result = orders.Insert(new Order("", userId, payerId, orderDate, lines!, now, now));
        if (result.Stored is not { } order)
            return Outcome<Order>.Invalid(result.ConflictField!, $"{result.ConflictField} does not refer to an existing record.");

        logger.LogInformation("Order {OrderId} created for {UserId} by {ActorId}", order.Id, order.UserId, viewer.UserId);

        return Outcome<Order>.Success(order);
    }

    /// <summary>Returns the stored line, or null after adding a failure for an unknown item or a missing price.</summary>
    private OrderItem? PriceLine(OrderItemInput line, int index, DateTimeOffset orderDate, List<ValidationFailure> failures)
    {
        var item = items.FindById(line.ItemId!);
        if (item is null)
        {
            failures.Add(new ValidationFailure($"order_items[{index}].item_id", $"Item '{line.ItemId}' was not found."));
            return null;
        }

        var amount = line.Amount ?? item.PriceOn(orderDate)?.Amount * line.Quantity!.Value;
        if (amount is null)
        {
            failures.Add(new ValidationFailure(
                $"order_items[{index}].amount",
                $"Item '{item.Id}' has no price valid on {orderDate:yyyy-MM-dd}, so the line needs an amount."));
            return null;
        }

        // The request's JSON document may be released after the request, so the stored order keeps a copy.
        JsonElement? details = line.ItemDetails is { ValueKind: JsonValueKind.Object } element ? element.Clone() : null;

        return new OrderItem(item.Id, line.Quantity!.Value, amount.Value, details);
    }
}
