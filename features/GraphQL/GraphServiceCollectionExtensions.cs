namespace Slices.Features.GraphQL;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Adds a slice's schema contribution. The schema applies every registered contribution.</summary>
    public static IServiceCollection AddGraphContribution<TContribution>(this IServiceCollection services)
        where TContribution : class, IGraphContribution =>
        services.AddSingleton<IGraphContribution, TContribution>();

    /// <summary>Adds the resolver that <c>Query.node(id)</c> uses for one node type.</summary>
    public static IServiceCollection AddNodeResolver<TResolver>(this IServiceCollection services)
        where TResolver : class, INodeResolver =>
        services.AddSingleton<INodeResolver, TResolver>();
}
