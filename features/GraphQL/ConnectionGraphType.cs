using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace Slices.Features.GraphQL;

/// <summary>
/// A Relay connection of <typeparamref name="TNodeType"/>, named after it (<c>ItemConnection</c> for <c>Item</c>),
/// with <c>edges { node cursor }</c> and <c>pageInfo</c>. Resolve a connection field to the result of
/// <see cref="Connections.FromPage{TRow}(Store.Page{TRow}, Func{TRow, object})"/>.
/// </summary>
public sealed class ConnectionGraphType<TNodeType> : ObjectGraphType<Connection<object>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        Name = $"{typeof(TNodeType).GraphQLName()}Connection";
        Description = "One page of a list, with a cursor per edge for paging.";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType>>>>>("edges")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Resolve(context => context.Source.PageInfo);
    }
}
