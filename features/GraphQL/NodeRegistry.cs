using GraphQL;

namespace Slices.Features.GraphQL;

/// <summary>The registered <see cref="INodeResolver"/>s, by type name.</summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, INodeResolver> resolvers;

    public NodeRegistry(IEnumerable<INodeResolver> registered)
    {
        resolvers = new Dictionary<string, INodeResolver>(StringComparer.Ordinal);
        foreach (var resolver in registered)
        {
            if (!resolvers.TryAdd(resolver.TypeName, resolver))
                throw new InvalidOperationException($"Two node resolvers are registered for the GraphQL type '{resolver.TypeName}'; register one per type.");
        }
    }

    /// <summary>
    /// Loads the node that <paramref name="id"/> names. A global id goes to the resolver of its type. Any other
    /// value is taken as a raw id and tried with every resolver, in type name order, until one finds a node.
    /// </summary>
    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        if (GlobalId.TryDecode(id, out var typeName, out var rawId) && resolvers.TryGetValue(typeName, out var resolver))
            return await resolver.ResolveAsync(rawId, context);

        foreach (var candidate in resolvers.Values.OrderBy(candidate => candidate.TypeName, StringComparer.Ordinal))
        {
            var node = await candidate.ResolveAsync(id, context);
            if (node is not null)
                return node;
        }

        return null;
    }
}
