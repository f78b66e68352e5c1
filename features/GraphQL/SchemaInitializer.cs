using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>
/// Builds the schema at start-up, so that a broken contribution, such as two slices adding the same root field,
/// stops the app with its message instead of failing the first request.
/// </summary>
internal sealed class SchemaInitializer(ISchema schema, ILogger<SchemaInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        schema.Initialize();

        logger.LogInformation(
            "GraphQL schema built with {TypeCount} types and {QueryFieldCount} query fields",
            schema.AllTypes.Count,
            schema.Query.Fields.Count);

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
