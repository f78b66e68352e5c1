using System.Diagnostics;
using FastEndpoints;
using Slices.Auth;

namespace Slices.Features.GraphQL;

/// <summary>
/// The GraphQL-over-HTTP transport at <c>/graph</c>: POST with a JSON body, GET for queries, and GraphiQL for a
/// browser. Every request needs a logged-in user, and each one is logged once, without its variables.
/// </summary>
public sealed class GraphEndpoint(
    GraphRequestReader reader,
    GraphExecutor executor,
    GraphResponseWriter writer,
    GraphiQLPage graphiQL,
    ILogger<GraphEndpoint> logger) : EndpointWithoutRequest
{
    public const string Route = "/graph";

    public override void Configure()
    {
        Verbs(Http.GET, Http.POST);
        Routes(Route);

        // GraphQL documents its own schema; the OpenAPI document lists only the REST endpoints.
        Description(endpoint => endpoint.ExcludeFromDescription());
    }

    public override async Task HandleAsync(CancellationToken cancellation)
    {
        var viewer = Viewer.TryFrom(User);
        if (viewer is null)
        {
            await Send.UnauthorizedAsync(cancellation);
            return;
        }

        if (AuthChallenge.IsBrowserNavigation(HttpContext.Request))
        {
            await graphiQL.SendAsync(HttpContext, viewer.Username, cancellation);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var mediaType = GraphMediaTypes.Negotiate(HttpContext.Request);
        var read = await reader.ReadAsync(HttpContext.Request, cancellation);

        if (read.Error is not null)
        {
            await writer.WriteErrorAsync(HttpContext, read.Error, mediaType, cancellation);
            LogRequest(null, started, [read.Error.Code]);
            return;
        }

        var result = await executor.ExecuteAsync(read.Request!, viewer, HttpContext, cancellation);
        await writer.WriteResultAsync(HttpContext, result, mediaType, cancellation);

        var errorCodes = (result.Errors ?? []).Select(error => error.Code ?? GraphErrorInfoProvider.InternalErrorCode).ToArray();
        LogRequest(read.Request!.OperationName ?? result.Operation?.Name?.StringValue, started, errorCodes);
    }

    // Variables are left out on purpose: they may carry passwords. The query text is left out too, since literals
    // in it may.
    private void LogRequest(string? operationName, long started, string[] errorCodes) =>
        logger.LogInformation(
            "GraphQL {HttpMethod} {OperationName} returned {StatusCode} with {ErrorCount} errors {ErrorCodes} in {ElapsedMs:0.0} ms",
            HttpContext.Request.Method,
            operationName ?? "(anonymous)",
            HttpContext.Response.StatusCode,
            errorCodes.Length,
            errorCodes,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
