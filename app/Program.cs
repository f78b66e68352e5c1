using Slices.Api;
using Slices.Auth;
using Slices.Logging;
using Slices.Store;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddSlicesLogging();
    builder.Services.AddSlicesStore(builder.Configuration);
    builder.Services.AddSlicesAuth(builder.Configuration);
    builder.Services.AddSlicesApi(builder.Configuration);
    builder.Services.AddSlicesOpenApi();

    var app = builder.Build();

    app.UseSlicesRequestLogging();
    app.UseSlicesErrorHandling();
    app.UseSlicesRequestSizeLimit();
    app.UseCors();
    app.UseSlicesAuth();
    app.UseSlicesLogContext();
    app.UseSlicesStore();
    app.UseSlicesContentTypeCheck();
    app.UseSlicesOpenApi();
    app.UseSlicesApi();

    app.Run();

    return 0;
}
catch (Exception exception) when (StartupFailure.IsOwnProcess && StartupFailure.Describe(exception) is { } reason)
{
    // Unexpected errors keep their stack trace. A test host that calls this entry point, such as
    // WebApplicationFactory, receives every exception itself.
    Console.Error.WriteLine($"Slices failed to start: {reason}");

    return 1;
}

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
