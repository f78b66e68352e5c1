using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Slices.Features.GraphQL;

/// <summary>
/// Serves the vendored GraphiQL and React files without login, since they are public static files. Each path
/// names its package version, so a response may be cached for a year and never revalidated.
/// </summary>
public sealed class GraphiQLAssetEndpoint(GraphiQLAssets assets) : EndpointWithoutRequest
{
    public const string Route = GraphiQLAssets.RequestPath + "/{**path}";

    public override void Configure()
    {
        Get(Route);
        AllowAnonymous();
        Description(endpoint => endpoint.ExcludeFromDescription());
    }

    public override async Task HandleAsync(CancellationToken cancellation)
    {
        var asset = assets.Find(Route<string>("path", isRequired: false) ?? "");
        if (asset is null)
        {
            await Send.NotFoundAsync(cancellation);
            return;
        }

        var headers = HttpContext.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";

        var requestETags = HttpContext.Request.GetTypedHeaders().IfNoneMatch;
        if (requestETags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == asset.ETag))
        {
            await Send.ResultAsync(Results.StatusCode(StatusCodes.Status304NotModified));
            return;
        }

        await Send.BytesAsync(asset.Content, contentType: asset.ContentType, cancellation: cancellation);
    }
}
