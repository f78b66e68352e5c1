using System.Security.Claims;
using Serilog;
using Serilog.Context;
using Slices.Auth;

namespace Slices.Logging;

public static class LoggingExtensions
{
    /// <summary>Configures Serilog from the <c>Serilog</c> section; the logger is flushed when the host stops.</summary>
    /// <remarks>
    /// The static <see cref="Log.Logger"/> is left alone, so that several hosts in one process (as in tests)
    /// each write to their own sinks.
    /// </remarks>
    public static IServiceCollection AddSlicesLogging(this IServiceCollection services) =>
        services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);

    /// <summary>Logs one event per request with its method, path, status, elapsed time, request id and user id.</summary>
    public static WebApplication UseSlicesRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.000} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestId", http.TraceIdentifier);

                var userId = http.User.FindFirstValue(SlicesClaims.UserId);
                if (userId is not null)
                    diagnostics.Set("UserId", userId);
            };
        });

        app.Lifetime.ApplicationStarted.Register(() => LogFileLocation(app));

        return app;
    }

    /// <summary>Adds the request id and, once authenticated, the user id to every event logged while handling the request.</summary>
    public static WebApplication UseSlicesLogContext(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            using (LogContext.PushProperty("RequestId", http.TraceIdentifier))
            using (LogContext.PushProperty("UserId", http.User.FindFirstValue(SlicesClaims.UserId)))
            {
                await next(http);
            }
        });

        return app;
    }

    private static void LogFileLocation(WebApplication app)
    {
        var filePaths = app.Configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(sink => string.Equals(sink["Name"], "File", StringComparison.OrdinalIgnoreCase))
            .Select(sink => sink["Args:path"])
            .OfType<string>()
            .Select(Path.GetFullPath)
            .ToArray();

        app.Logger.LogInformation("Writing log files to {LogFilePaths}, with the date (yyyyMMdd) inserted before the extension", filePaths);
    }
}
