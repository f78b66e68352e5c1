namespace Slices.Features.GraphQL;

/// <summary>Settings of the <c>GraphQL</c> section: request limits, the document cache and GraphiQL.</summary>
public sealed class GraphQLSettings
{
    public const string Section = "GraphQL";

    /// <summary>Maximum size of a POST body in bytes. A larger body gets 413.</summary>
    public int MaxRequestBytes { get; set; } = 65_536;

    /// <summary>Maximum size of the GraphQL document (the <c>query</c> text) in UTF-8 bytes. A larger one gets 413.</summary>
    public int MaxDocumentBytes { get; set; } = 16_384;

    /// <summary>Maximum nesting depth of fields in an operation.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Maximum complexity of an operation, as GraphQL.NET 8's complexity analyzer computes it by default. Each field
    /// adds 1, and the fields below a list count <c>first</c>/<c>last</c> times, or a default number of times when
    /// neither is given. The default limit admits a page of orders with their lines at the default page size
    /// (about 3,800) and refuses 100 orders with 100 lines each (about 91,000).
    /// </summary>
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>Maximum number of aliased fields in a document, which bounds how often one field can be repeated.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>How long a parsed and validated document stays cached after its last use.</summary>
    public TimeSpan DocumentCacheSlidingExpiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Base that the GraphiQL page loads its scripts and style sheet from: by default <c>/graphiql</c>, where this
    /// app serves its vendored copies. Another https URL that serves the same files under the same paths (such as
    /// an npm CDN) works too, because the page checks each file against its recorded integrity hash. The page's
    /// Content-Security-Policy allows these files and no other scripts.
    /// </summary>
    public string GraphiQLAssetBase { get; set; } = GraphiQLAssets.RequestPath;
}
