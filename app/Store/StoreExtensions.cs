namespace Slices.Store;

public static class StoreExtensions
{
    public static IServiceCollection AddSlicesStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section));
        services.AddSingleton<IIdGenerator, RandomIdGenerator>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ItemStore>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<DemoData>();

        return services;
    }

    /// <summary>Loads the demo data when <c>Store:SeedDemoData</c> is true, before the server takes requests.</summary>
    public static WebApplication UseSlicesStore(this WebApplication app)
    {
        var options = app.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (options.SeedDemoData)
            app.Services.GetRequiredService<DemoData>().Load();

        return app;
    }
}
