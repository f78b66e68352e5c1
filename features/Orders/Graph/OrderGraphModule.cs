using Slices.Api;
using Slices.Features.GraphQL;

namespace Slices.Features.Orders.Graph;

/// <summary>Registers the orders' and the catalog's schema contributions and their node resolvers.</summary>
public sealed class OrderGraphModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services
            .AddGraphContribution<ItemGraphContribution>()
            .AddNodeResolver<ItemGraphContribution>()
            .AddGraphContribution<OrderGraphContribution>()
            .AddNodeResolver<UserOrderNodeResolver>()
            .AddNodeResolver<OrderItemNodeResolver>();
}
