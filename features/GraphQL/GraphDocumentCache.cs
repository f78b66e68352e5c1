using System.Text;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Slices.Features.GraphQL;

/// <summary>
/// Caches parsed and validated documents in the host's <see cref="IMemoryCache"/>, keyed by the query text, so a
/// repeated query skips parsing and validation. Only documents that passed validation are stored. The depth and
/// complexity limits and the GET rule still apply to a cached document, as GraphLimitsTests and GraphTransportTests check.
/// </summary>
/// <remarks>
/// The host cache has a size limit shared with other caches. An entry's size is one unit per started KiB of query
/// text, and entries have low priority, so under pressure the cache compacts documents before other entries.
/// </remarks>
public sealed class GraphDocumentCache(IMemoryCache cache, IOptions<GraphQLSettings> settings) : IConfigureExecution
{
    private const string KeyPrefix = "graphql-document:";

    // GraphQL.NET 8 sorts its own option and execution configurations at 100 and 200, so this runs first and
    // they see the cached document.
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null)
            return await next(options);

        var key = KeyPrefix + options.Query;
        if (cache.TryGetValue(key, out GraphQLParser.AST.GraphQLDocument? cached) && cached is not null)
        {
            // The document passed the rules that depend on it alone when it was stored, so only the rules that depend
            // on the request run again. GraphQL.NET's options configurations, which run after this one, add the
            // complexity rule to both lists, so the limits still apply.
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];

            return await next(options);
        }

        var result = await next(options);

        if (result.Executed && result.Document is not null)
        {
            cache.Set(key, result.Document, new MemoryCacheEntryOptions
            {
                Size = 1 + (Encoding.UTF8.GetByteCount(options.Query) / 1024),
                Priority = CacheItemPriority.Low,
                SlidingExpiration = settings.Value.DocumentCacheSlidingExpiration,
            });
        }

        return result;
    }
}
