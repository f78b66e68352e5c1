using System.Collections.Immutable;
using System.Text.Json;

namespace Slices.Store;

/// <summary>A user account. <see cref="PasswordHash"/> is a PasswordHasher (PBKDF2) hash, never the password.</summary>
public sealed record User(
    string Id,
    string FullName,
    string Username,
    string PrimaryEmail,
    string PrimaryLocale,
    string Role,
    string PasswordHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One price of an item, valid from <see cref="ValidFrom"/> up to, not including, <see cref="ValidTo"/>.</summary>
public sealed record ItemPrice(decimal Amount, string DiscountSchema, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public const string DefaultDiscountSchema = "Volume";

    public bool IsValidOn(DateTimeOffset date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}

/// <summary>A catalog item. <see cref="ItemDetails"/> is a JSON object of free-form attributes.</summary>
public sealed record Item(string Id, string Desc, string ItemCategory, JsonElement? ItemDetails, ImmutableArray<ItemPrice> ItemPrice)
{
    /// <summary>Returns the lowest price valid on <paramref name="date"/>, or null when none is.</summary>
    public ItemPrice? PriceOn(DateTimeOffset date) =>
        ItemPrice.Where(price => price.IsValidOn(date)).MinBy(price => price.Amount);
}

/// <summary>A line of an order, stored with the order.</summary>
public sealed record OrderItem(string ItemId, int Quantity, decimal Amount, JsonElement? ItemDetails);

/// <summary>An order placed for <see cref="UserId"/> and paid by <see cref="PayerId"/>.</summary>
public sealed record Order(
    string Id,
    string UserId,
    string PayerId,
    DateTimeOffset OrderDate,
    ImmutableArray<OrderItem> OrderItems,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
