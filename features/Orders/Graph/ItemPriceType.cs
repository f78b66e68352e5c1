using GraphQL.Types;
using Slices.Features.GraphQL;
using Slices.Store;

namespace Slices.Features.Orders.Graph;

/// <summary>The GraphQL <c>ItemPriceType</c>: one price of an item and the period it is valid in.</summary>
public sealed class ItemPriceType : ObjectGraphType<ItemPrice>
{
    public ItemPriceType()
    {
        Name = "ItemPriceType";

        Field<NonNullGraphType<FloatGraphType>>("amount").Resolve(context => context.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("discount_schema").Resolve(context => context.Source.DiscountSchema);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("valid_from").Resolve(context => context.Source.ValidFrom);
        Field<UtcDateTimeGraphType>("valid_to")
            .Description("End of the validity, exclusive, or null for a price without end.")
            .Resolve(context => context.Source.ValidTo);
    }
}
