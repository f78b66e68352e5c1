using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;
using Slices.Api;

namespace Slices.Features.GraphQL;

/// <summary>Registers the schema, GraphQL.NET with the configured limits, the document cache and the transport.</summary>
public sealed class GraphModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLSettings>().Bind(configuration.GetSection(GraphQLSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphQLSettings>, GraphQLSettingsValidator>();

        services.AddSingleton<NodeRegistry>();
        services.AddSingleton<GraphRequestReader>();
        services.AddSingleton<GraphExecutor>();
        services.AddSingleton<GraphResponseWriter>();
        // Loaded now, so that a missing or altered vendored file stops start-up.
        services.AddSingleton(new GraphiQLAssets());
        services.AddSingleton<GraphiQLPage>();
        services.AddSingleton<IConfigureExecution, GraphDocumentCache>();

        services.AddGraphQL(graph => graph
            // Graph types are created on demand, so contributions need not register each type, nor each closed
            // generic such as ConnectionGraphType<ItemType>.
            .AddSelfActivatingSchema<SlicesSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider<GraphErrorInfoProvider>()
            .AddComplexityAnalyzer((complexity, provider) =>
                ComplexityLimits.Configure(complexity, provider.GetRequiredService<IOptions<GraphQLSettings>>().Value)));

        services.AddHostedService<SchemaInitializer>();
    }
}
