using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>
/// The schema, assembled from <c>node(id)</c> and the fields and types of every registered
/// <see cref="IGraphContribution"/>. Two contributions that add the same root field stop start-up.
/// </summary>
public sealed class SlicesSchema : Schema
{
    public SlicesSchema(IServiceProvider services, IEnumerable<IGraphContribution> contributions, NodeRegistry nodes)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        NodeField.AddTo(query, nodes);

        foreach (var contribution in contributions)
        {
            contribution.AddQueryFields(query);
            contribution.AddMutationFields(mutation);

            foreach (var type in contribution.AdditionalTypes)
                RegisterType(type);
        }

        Query = query;
        if (mutation.Fields.Count > 0)
            Mutation = mutation;

        RegisterTypeMapping(typeof(DateTimeOffset), typeof(UtcDateTimeGraphType));
        RegisterTypeMapping(typeof(DateTime), typeof(UtcDateTimeGraphType));
    }
}
