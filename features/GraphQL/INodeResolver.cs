using GraphQL;

namespace Slices.Features.GraphQL;

/// <summary>
/// Loads one type of <c>Node</c> by its raw id for <c>Query.node(id)</c>. Register one per node type with
/// <see cref="GraphServiceCollectionExtensions.AddNodeResolver{TResolver}"/>.
/// </summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name, which is also the type part of the type's global ids.</summary>
    string TypeName { get; }

    /// <summary>Returns the node, or null when none has <paramref name="rawId"/> or the viewer may not see it.</summary>
    Task<object?> ResolveAsync(string rawId, IResolveFieldContext context);
}
