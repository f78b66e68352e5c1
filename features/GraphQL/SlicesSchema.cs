using GraphQL.Types;
using GraphQL.Types.Relay;

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
            AddRootFields(contribution, query, mutation);

            foreach (var type in contribution.AdditionalTypes)
                RegisterType(type);
        }

        Query = query;
        if (mutation.Fields.Count > 0)
            Mutation = mutation;

        // The shared types are part of the schema even before a slice uses them, so clients can rely on them.
        RegisterTypes(
            typeof(UtcDateTimeGraphType),
            typeof(PageInfoType),
            typeof(OrderByInputType),
            typeof(FilterValuesInputType),
            typeof(QueryResolverArgsInputType));

        RegisterTypeMapping(typeof(DateTimeOffset), typeof(UtcDateTimeGraphType));
        RegisterTypeMapping(typeof(DateTime), typeof(UtcDateTimeGraphType));
    }

    private static void AddRootFields(IGraphContribution contribution, ObjectGraphType query, ObjectGraphType mutation)
    {
        try
        {
            contribution.AddQueryFields(query);
            contribution.AddMutationFields(mutation);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InvalidOperationException(
                $"The GraphQL contribution {contribution.GetType().FullName} adds a root field that another contribution already added. {exception.Message}",
                exception);
        }
    }
}
