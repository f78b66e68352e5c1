using System.Security.Cryptography;
using System.Text.Json;

namespace Slices.Features.GraphQL;

/// <summary>One vendored GraphiQL file: its path under the asset base, its SRI hash and its bytes.</summary>
public sealed record GraphiQLAsset(string Package, string Version, string Path, string Integrity, string ContentType, byte[] Content)
{
    /// <summary>Strong entity tag for conditional requests, taken from the integrity hash.</summary>
    public string ETag => $"\"{Integrity}\"";

    public bool IsScript => Path.EndsWith(".js", StringComparison.Ordinal);

    public bool IsStyleSheet => Path.EndsWith(".css", StringComparison.Ordinal);
}

/// <summary>
/// The GraphiQL and React files that scripts/vendor-graphiql.sh wrote into <c>features/GraphQL/graphiql</c>,
/// embedded in the assembly and listed, in page order, by that folder's <c>manifest.json</c>.
/// </summary>
public sealed class GraphiQLAssets
{
    /// <summary>Path that the app serves the files under, and the default <see cref="GraphQLSettings.GraphiQLAssetBase"/>.</summary>
    public const string RequestPath = "/graphiql";

    private const string ResourcePrefix = "graphiql/";

    private readonly Dictionary<string, GraphiQLAsset> byPath;

    public GraphiQLAssets()
    {
        var assembly = typeof(GraphiQLAssets).Assembly;
        var manifest = JsonSerializer.Deserialize<Manifest>(ReadResource(assembly, "manifest.json"), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The embedded graphiql/manifest.json is empty.");

        All = manifest.Files.Select(file => Load(assembly, file)).ToArray();
        byPath = All.ToDictionary(asset => asset.Path, StringComparer.Ordinal);
    }

    /// <summary>Every file, in the order of the manifest, which is the order the page loads its scripts in.</summary>
    public IReadOnlyList<GraphiQLAsset> All { get; }

    public GraphiQLAsset? Find(string path) => byPath.GetValueOrDefault(path);

    // A file whose bytes differ from its manifest hash is an error here, because the browser would reject it anyway.
    private static GraphiQLAsset Load(System.Reflection.Assembly assembly, ManifestFile file)
    {
        var content = ReadResource(assembly, file.Path);
        var integrity = "sha384-" + Convert.ToBase64String(SHA384.HashData(content));
        if (integrity != file.Integrity)
        {
            throw new InvalidOperationException(
                $"The embedded graphiql/{file.Path} does not match its integrity hash in manifest.json; run scripts/vendor-graphiql.sh again.");
        }

        var contentType = file.Path.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";

        return new GraphiQLAsset(file.Package, file.Version, file.Path, file.Integrity, contentType, content);
    }

    private static byte[] ReadResource(System.Reflection.Assembly assembly, string path)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + path)
            ?? throw new InvalidOperationException($"The embedded resource graphiql/{path} is missing; app/Slices.csproj embeds features/GraphQL/graphiql.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        return buffer.ToArray();
    }

    private sealed record Manifest(ManifestFile[] Files);

    private sealed record ManifestFile(string Package, string Version, string Path, string Integrity);
}
