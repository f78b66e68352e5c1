using System.Reflection;

namespace Slices.Api;

/// <summary>
/// Registers the services of one feature slice. Implementations are discovered at start-up, so the host
/// composes slices without naming them.
/// </summary>
public interface IFeatureModule
{
    void AddServices(IServiceCollection services, IConfiguration configuration);
}

internal static class FeatureModules
{
    public static IServiceCollection AddFeatureModules(this IServiceCollection services, IConfiguration configuration)
    {
        var moduleTypes = Assembly.GetExecutingAssembly().GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IFeatureModule).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

        foreach (var moduleType in moduleTypes)
        {
            var module = (IFeatureModule)Activator.CreateInstance(moduleType)!;
            module.AddServices(services, configuration);
        }

        return services;
    }
}
