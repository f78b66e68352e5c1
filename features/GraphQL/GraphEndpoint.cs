using FastEndpoints;
using Serilog;
using Slices.Auth;

namespace Slices.Features.GraphQL;

/// <summary>
/// The GraphQL-over-HTTP transport at <c>/graph</c>: POST with a JSON body, GET for queries, and GraphiQL for a
/// browser. Every request needs a logged-in user. Its operation name and error codes are added to the request's log
/// event, and its variables and query text are never logged.
/// </summary>
public sealed class GraphEndpoint(
    GraphRequestReader reader,
    GraphExecutor executor,
    GraphResponseWriter writer,
    GraphiQLPage graphiQL,
    IDiagnosticContext requestLog) : EndpointWithoutRequest
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

        var mediaType = GraphMediaTypes.Negotiate(HttpContext.Request);
        var read = await reader.ReadAsync(HttpContext.Request, cancellation);

        if (read.Error is not null)
        {
            await writer.WriteErrorAsync(HttpContext, read.Error, mediaType, cancellation);
            DescribeForRequestLog(null, [read.Error.Code]);
            return;
        }

        var result = await executor.ExecuteAsync(read.Request!, viewer, HttpContext, cancellation);
        await writer.WriteResultAsync(HttpContext, result, mediaType, cancellation);

        var errorCodes = (result.Errors ?? []).Select(error => error.Code ?? GraphErrorInfoProvider.InternalErrorCode).ToArray();
        DescribeForRequestLog(read.Request!.OperationName ?? result.Operation?.Name?.StringValue, errorCodes);
    }

    // The request log event already has the method, status and time, so the GraphQL facts are added to it instead
    // of a second event per request. At the production log level, each event costs a visible share of a request.
    // Variables are left out on purpose, because they may carry passwords, and so is the query text.
    private void DescribeForRequestLog(string? operationName, string[] errorCodes)
    {
        requestLog.Set("GraphQLOperation", operationName ?? "(anonymous)");
        requestLog.Set("GraphQLErrorCount", errorCodes.Length);
        requestLog.Set("GraphQLErrorCodes", errorCodes);
    }
}
