using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slices.Tests;

namespace Slices.Features.GraphQL;

public sealed class GraphiQLAssetTests(GraphFactory factory) : IClassFixture<GraphFactory>
{
    private static readonly string AssetFolder = Path.Combine(RepositoryRoot.Path, "features", "GraphQL", "graphiql");

    public static TheoryData<string> ManifestPaths()
    {
        var data = new TheoryData<string>();
        foreach (var file in ReadManifest())
            data.Add(file.GetProperty("path").GetString()!);

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestPaths))]
    public async Task Asset_is_served_without_login(string path)
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync($"/graphiql/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AssetFolder, path)), body);
        Assert.Equal(IntegrityFromManifest(path), "sha384-" + Convert.ToBase64String(SHA384.HashData(body)));
        Assert.Equal(path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Asset_is_cached_as_immutable()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/graphiql/graphiql@3.9.0/graphiql.min.js");

        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
        Assert.Contains(cacheControl.Extensions, extension => extension.Name == "immutable");
        Assert.Equal($"\"{IntegrityFromManifest("graphiql@3.9.0/graphiql.min.js")}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Matching_etag_is_304()
    {
        using var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphiql/react@18.3.1/umd/react.production.min.js");
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{IntegrityFromManifest("react@18.3.1/umd/react.production.min.js")}\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/graphiql/graphiql@3.9.0/LICENSE")]
    [InlineData("/graphiql/manifest.json")]
    [InlineData("/graphiql/graphiql@3.8.3/graphiql.min.js")]
    [InlineData("/graphiql/..%2Fappsettings.json")]
    [InlineData("/graphiql/")]
    public async Task Unlisted_asset_is_404(string url)
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Manifest_hashes_match_files()
    {
        foreach (var file in ReadManifest())
        {
            var path = file.GetProperty("path").GetString()!;
            var bytes = File.ReadAllBytes(Path.Combine(AssetFolder, path));

            Assert.Equal(file.GetProperty("integrity").GetString(), "sha384-" + Convert.ToBase64String(SHA384.HashData(bytes)));
        }
    }

    [Fact]
    public async Task Remote_asset_base_is_allowed_file_by_file()
    {
        await using var remote = new RemoteAssetFactory();
        using var client = await remote.CreateLoggedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graph");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var page = await response.Content.ReadAsStringAsync();
        var scriptSources = Regex.Match(policy, "script-src ([^;]+);").Groups[1].Value.Split(' ');
        Assert.Equal(
            [
                "https://localhost:8443/npm/react@18.3.1/umd/react.production.min.js",
                "https://localhost:8443/npm/react-dom@18.3.1/umd/react-dom.production.min.js",
                "https://localhost:8443/npm/graphiql@3.9.0/graphiql.min.js",
            ],
            scriptSources.Skip(1));
        Assert.DoesNotContain("'self'", scriptSources);
        Assert.Contains("style-src https://localhost:8443/npm/graphiql@3.9.0/graphiql.min.css 'nonce-", policy);
        var integrity = IntegrityFromManifest("graphiql@3.9.0/graphiql.min.js");
        Assert.Contains($"<script src=\"https://localhost:8443/npm/graphiql@3.9.0/graphiql.min.js\" integrity=\"{integrity}\" crossorigin=\"anonymous\"></script>", page);
    }

    private static JsonElement[] ReadManifest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AssetFolder, "manifest.json")));

        return manifest.RootElement.GetProperty("files").EnumerateArray().Select(file => file.Clone()).ToArray();
    }

    private static string IntegrityFromManifest(string path) =>
        ReadManifest().Single(file => file.GetProperty("path").GetString() == path).GetProperty("integrity").GetString()!;

    private sealed class RemoteAssetFactory() : GraphFactory(new Dictionary<string, string?>
    {
        ["GraphQL:GraphiQLAssetBase"] = "https://localhost:8443/npm/",
    });
}
