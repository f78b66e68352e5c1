using Slices.Api;
using Slices.Features.GraphQL;

namespace Slices.Features.Orders.Graph;

/// <summary>Registers the catalog's schema contribution, which also resolves <c>Item</c> nodes.</summary>
public sealed class ItemGraphModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ItemGraphContribution>();
        services.AddSingleton<IGraphContribution>(provider => provider.GetRequiredService<ItemGraphContribution>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<ItemGraphContribution>());
    }
}
