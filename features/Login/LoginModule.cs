using Slices.Api;

namespace Slices.Features.Login;

public sealed class LoginModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<LoginThrottle>();
}
