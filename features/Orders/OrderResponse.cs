using System.Text.Json;
using Slices.Store;

namespace Slices.Features.Orders;

/// <summary>An order with its lines.</summary>
public sealed record OrderResponse(
    string Id,
    string UserId,
    string PayerId,
    DateTimeOffset OrderDate,
    IReadOnlyList<OrderItemResponse> OrderItems,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderResponse From(Order order) =>
        new(
            order.Id,
            order.UserId,
            order.PayerId,
            order.OrderDate,
            order.OrderItems.Select(line => new OrderItemResponse(line.ItemId, line.Quantity, line.Amount, line.ItemDetails)).ToArray(),
            order.CreatedAt,
            order.UpdatedAt);
}

/// <summary>A line of an order: the amount is the line total, not the unit price.</summary>
public sealed record OrderItemResponse(string ItemId, int Quantity, decimal Amount, JsonElement? ItemDetails);
