using FastEndpoints;
using GraphQL;
using GraphQL.Types;
using Slices.Features.GraphQL;

namespace Slices.Features.Orders.Graph;

/// <summary>
/// The catalog's part of the schema: <c>getItem(item_id)</c> and <c>Item</c> nodes, read through the catalog
/// handler that REST uses too.
/// </summary>
public sealed class ItemGraphContribution : IGraphContribution, INodeResolver
{
    public string TypeName => ItemType.TypeName;

    public void AddQueryFields(ObjectGraphType query) =>
        query.Field<ItemType>("getItem")
            .Description("Returns the catalog item with this id, or null when none exists.")
            .Argument<NonNullGraphType<IdGraphType>>("item_id", "A global Item id or a raw item id.")
            .ResolveAsync(context => ResolveAsync(GlobalId.ToRawId(context.GetArgument<string>("item_id"), ItemType.TypeName), context));

    public async Task<object?> ResolveAsync(string rawId, IResolveFieldContext context) =>
        (await new GetItemCommand(context.Viewer(), rawId).ExecuteAsync(context.CancellationToken)).ValueOrNull();
}
