using Slices.Api;
using Slices.Auth;
using Slices.Logging;
using Slices.Store;

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

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
