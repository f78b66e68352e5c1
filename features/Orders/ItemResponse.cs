using System.Text.Json;
using Slices.Store;

namespace Slices.Features.Orders;

/// <summary>A catalog item with every price and the dates each is valid.</summary>
public sealed record ItemResponse(string Id, string Desc, string ItemCategory, JsonElement? ItemDetails, IReadOnlyList<ItemPriceResponse> ItemPrice)
{
    public static ItemResponse From(Item item) =>
        new(item.Id, item.Desc, item.ItemCategory, item.ItemDetails, item.ItemPrice.Select(ItemPriceResponse.From).ToArray());
}

/// <summary>One price of an item, valid from <see cref="ValidFrom"/> up to, not including, <see cref="ValidTo"/> (null: open-ended).</summary>
public sealed record ItemPriceResponse(decimal Amount, string DiscountSchema, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public static ItemPriceResponse From(ItemPrice price) => new(price.Amount, price.DiscountSchema, price.ValidFrom, price.ValidTo);
}
