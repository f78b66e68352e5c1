using GraphQL;

namespace Slices.Features.GraphQL;

/// <summary>Writes GraphQL responses with the status codes of the GraphQL-over-HTTP specification.</summary>
public sealed class GraphResponseWriter(IGraphQLSerializer serializer)
{
    /// <summary>
    /// Writes an execution result with its status code. A mutation over GET gets 405 with <c>Allow: POST</c>. A
    /// document that failed to parse or validate gets 400 in <c>application/graphql-response+json</c> and 200 in
    /// <c>application/json</c>. Anything else gets 200, also when resolvers raised errors next to partial data.
    /// </summary>
    public Task WriteResultAsync(HttpContext http, ExecutionResult result, string mediaType, CancellationToken cancellation)
    {
        var errors = result.Errors ?? [];
        var statusCode = StatusCodes.Status200OK;

        if (errors.Any(error => error.Code == QueryOnlyOverGetRule.Code))
        {
            statusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = HttpMethods.Post;
        }
        else if (!result.Executed && mediaType == GraphMediaTypes.GraphQLResponseJson)
        {
            statusCode = StatusCodes.Status400BadRequest;
        }

        return WriteAsync(http, statusCode, result, mediaType, cancellation);
    }

    /// <summary>Writes a transport error as a GraphQL response with only <c>errors</c>.</summary>
    public Task WriteErrorAsync(HttpContext http, GraphTransportError error, string mediaType, CancellationToken cancellation)
    {
        var result = new ExecutionResult { Errors = [new ExecutionError(error.Message) { Code = error.Code }] };

        return WriteAsync(http, error.StatusCode, result, mediaType, cancellation);
    }

    private async Task WriteAsync(HttpContext http, int statusCode, ExecutionResult result, string mediaType, CancellationToken cancellation)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";

        await serializer.WriteAsync(http.Response.Body, result, cancellation);
    }
}
