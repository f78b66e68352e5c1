using System.Text.Json;
using FastEndpoints;
using FluentValidation;

namespace Slices.Features.Orders;

/// <summary>Fields of a new order, from the REST body or a GraphQL mutation.</summary>
public sealed class CreateOrderInput
{
    /// <summary>The user the order is for; the viewer when absent.</summary>
    public string? UserId { get; set; }

    /// <summary>The user who pays; <c>user_id</c> when absent.</summary>
    public string? PayerId { get; set; }

    /// <summary>The current time (UTC) when absent.</summary>
    public DateTimeOffset? OrderDate { get; set; }

    public List<OrderItemInput>? OrderItems { get; set; }
}

public sealed class OrderItemInput
{
    public string? ItemId { get; set; }

    public int? Quantity { get; set; }

    /// <summary>The line total. When absent, the item's lowest price valid on the order date times the quantity.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Free-form attributes of this line; must be a JSON object.</summary>
    public JsonElement? ItemDetails { get; set; }
}

/// <summary>Rules on the shape of a new order. References to users and items are checked by the handler.</summary>
public sealed class CreateOrderInputValidator : Validator<CreateOrderInput>
{
    public const int MaxOrderItems = 100;
    public const int MaxQuantity = 1_000_000;
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>The earliest order date accepted. Earlier dates are typing mistakes, not orders.</summary>
    public static readonly DateTimeOffset EarliestOrderDate = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first order date no longer accepted.</summary>
    public static readonly DateTimeOffset OrderDateEnd = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public CreateOrderInputValidator()
    {
        RuleFor(input => input.OrderDate)
            .Must(date => date is null || (date >= EarliestOrderDate && date < OrderDateEnd))
            .WithMessage("order_date must be from 1970-01-01 up to 2099-12-31.");

        RuleFor(input => input.OrderItems)
            .NotEmpty().WithMessage("order_items must contain at least one item.")
            .Must(lines => lines is null || lines.Count <= MaxOrderItems).WithMessage($"order_items may contain at most {MaxOrderItems} items.");

        RuleForEach(input => input.OrderItems).ChildRules(line =>
        {
            line.RuleFor(item => item.ItemId)
                .NotEmpty().WithMessage("item_id is required.");
            line.RuleFor(item => item.Quantity)
                .NotNull().WithMessage("quantity is required.")
                .GreaterThan(0).WithMessage("quantity must be greater than 0.")
                .LessThanOrEqualTo(MaxQuantity).WithMessage($"quantity must be at most {MaxQuantity}.");
            line.RuleFor(item => item.Amount)
                .GreaterThanOrEqualTo(0).WithMessage("amount must be 0 or more.")
                .LessThanOrEqualTo(MaxAmount).WithMessage($"amount must be at most {MaxAmount}.")
                .PrecisionScale(19, 4, ignoreTrailingZeros: true).WithMessage("amount may have at most 4 decimal places.");
            line.RuleFor(item => item.ItemDetails)
                .Must(details => details is null || details.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
                .WithMessage("item_details must be a JSON object.");
        });
    }
}
