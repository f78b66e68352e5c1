using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>The Relay <c>Node</c> interface: an object that <c>Query.node(id)</c> can load by its global id.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id, which Query.node(id) loads.";

        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id: base64 of Type:rawId.");
    }
}

/// <summary>
/// Base of an object type that implements <c>Node</c>: names the type and adds the <c>id</c> field, which contains
/// the global id built from the type name and the raw id of <typeparamref name="TSource"/>.
/// </summary>
public abstract class NodeGraphType<TSource> : ObjectGraphType<TSource>
{
    protected NodeGraphType(string typeName, Func<TSource, string> rawId)
    {
        Name = typeName;
        Interface<NodeInterface>();
        IsTypeOf = value => value is TSource;

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The global id: base64 of Type:rawId.")
            .Resolve(context => GlobalId.Encode(typeName, rawId(context.Source)));
    }
}
