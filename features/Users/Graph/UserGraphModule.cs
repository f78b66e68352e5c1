using Slices.Api;
using Slices.Features.GraphQL;

namespace Slices.Features.Users.Graph;

/// <summary>Registers the users' schema contribution, which also resolves <c>User</c> nodes.</summary>
public sealed class UserGraphModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddGraphContribution<UserGraphContribution>().AddNodeResolver<UserGraphContribution>();
}
