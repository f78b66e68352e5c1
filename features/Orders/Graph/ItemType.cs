using GraphQL.Types;
using Slices.Features.GraphQL;
using Slices.Store;

namespace Slices.Features.Orders.Graph;

/// <summary>The GraphQL <c>Item</c>: a catalog item, loadable by <c>getItem</c> and <c>node(id)</c>.</summary>
public sealed class ItemType : NodeGraphType<Item>
{
    public const string TypeName = "Item";

    public ItemType()
        : base(TypeName, item => item.Id)
    {
        Description = "A catalog item that orders can contain.";

        Field<NonNullGraphType<StringGraphType>>("desc").Resolve(context => context.Source.Desc);
        Field<NonNullGraphType<StringGraphType>>("item_category").Resolve(context => context.Source.ItemCategory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemPriceType>>>>("item_price")
            .Description("Every price of the item with its validity. On a given date the lowest valid price applies.")
            .Resolve(context => context.Source.ItemPrice);
        Field<StringGraphType>("item_details")
            .Description("Free-form attributes of the item, as JSON text.")
            .Resolve(context => context.Source.ItemDetails?.GetRawText());
    }
}
