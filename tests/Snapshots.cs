using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Slices.Tests;

/// <summary>
/// Compares JSON with a reviewed snapshot in the <c>__snapshots__</c> folder beside the calling test file.
/// Values that change from run to run are replaced by a placeholder first.
/// </summary>
public static class Snapshots
{
    public const string Scrubbed = "<scrubbed>";

    /// <param name="json">The JSON text to compare.</param>
    /// <param name="scrub">Paths of volatile values, such as <c>expires_at</c> or <c>keys[0].n</c>.</param>
    /// <param name="testFile">Filled in by the compiler: the calling test's source file.</param>
    /// <param name="testName">Filled in by the compiler: the calling test's name.</param>
    public static void MatchJson(
        string json,
        string[]? scrub = null,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("The JSON text is null.", nameof(json));
        foreach (var path in scrub ?? [])
            Replace(node, path);

        // Snapshooter adds the __snapshots__ folder to the test file's folder given here.
        var testFolder = Path.GetDirectoryName(testFile)!;
        var name = $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}.snap";

        Snapshot.Match(JToken.Parse(node.ToJsonString()), new SnapshotFullName(name, testFolder));
    }

    private static void Replace(JsonNode root, string path)
    {
        var segments = path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        for (var index = 0; index < segments.Length - 1; index++)
            parent = Child(parent, segments[index]) ?? throw new ArgumentException($"Scrub path '{path}' does not exist in the JSON.");

        var last = segments[^1];
        if (last.StartsWith('['))
            parent[int.Parse(last.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)] = Scrubbed;
        else if (parent is JsonObject container && container.ContainsKey(last))
            container[last] = Scrubbed;
        else
            throw new ArgumentException($"Scrub path '{path}' does not exist in the JSON.");
    }

    private static JsonNode? Child(JsonNode node, string segment) =>
        segment.StartsWith('[')
            ? node[int.Parse(segment.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]
            : node[segment];
}
