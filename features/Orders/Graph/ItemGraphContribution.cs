using GraphQL;
using GraphQL.Types;
using Slices.Features.GraphQL;
using Slices.Store;

namespace Slices.Features.Orders.Graph;

/// <summary>
/// The catalog's part of the schema: <c>getItem(item_id)</c> and <c>Item</c> nodes. It only reads the catalog.
/// </summary>
/// <remarks>
/// TODO: call the Orders slice's catalog handler once it exists, so REST and GraphQL read items the same way.
/// </remarks>
public sealed class ItemGraphContribution(ItemStore items) : IGraphContribution, INodeResolver
{
    public string TypeName => ItemType.TypeName;

    public void AddQueryFields(ObjectGraphType query) =>
        query.Field<ItemType>("getItem")
            .Description("Returns the catalog item with this id, or null when none exists.")
            .Argument<NonNullGraphType<IdGraphType>>("item_id", "A global Item id or a raw item id.")
            .Resolve(context => items.FindById(GlobalId.ToRawId(context.GetArgument<string>("item_id"), ItemType.TypeName)));

    public Task<object?> ResolveAsync(string rawId, IResolveFieldContext context) =>
        Task.FromResult<object?>(items.FindById(rawId));
}
