using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>
/// A slice's part of the GraphQL schema. The schema calls every registered contribution once, when it is built,
/// so a slice adds its root fields here and the GraphQL slice never names it. Register one with
/// <see cref="GraphServiceCollectionExtensions.AddGraphContribution{TContribution}"/> in the slice's feature module.
/// </summary>
public interface IGraphContribution
{
    /// <summary>Adds this slice's fields to the root <c>Query</c> type.</summary>
    void AddQueryFields(ObjectGraphType query)
    {
    }

    /// <summary>Adds this slice's fields to the root <c>Mutation</c> type, which the schema omits while it has no fields.</summary>
    void AddMutationFields(ObjectGraphType mutation)
    {
    }

    /// <summary>
    /// Graph types that no field names but the schema must still contain, such as a <c>Node</c> type reached only
    /// through <c>node(id)</c>.
    /// </summary>
    IEnumerable<Type> AdditionalTypes => [];
}
