using GraphQL;
using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>The root field <c>node(id: ID!): Node</c>, which loads any node by its global or raw id.</summary>
internal static class NodeField
{
    public static void AddTo(ObjectGraphType query, NodeRegistry nodes) =>
        query.Field<NodeInterface>("node")
            .Description("Loads the node with this global id, or with this raw id; null when none exists.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id (base64 of Type:rawId) or a raw id.")
            .ResolveAsync(context => nodes.ResolveAsync(context.GetArgument<string>("id"), context));
}
