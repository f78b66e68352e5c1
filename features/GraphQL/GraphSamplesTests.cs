using System.Text.Json;
using System.Text.RegularExpressions;
using Slices.Tests;

namespace Slices.Features.GraphQL;

/// <summary>
/// Runs every sample of docs/graphql-samples.md as the demo admin and compares each response with a snapshot, so the
/// page cannot drift from the schema.
/// </summary>
public sealed partial class GraphSamplesTests(GraphSamplesTests.ReadFactory reads, GraphSamplesTests.WriteFactory writes)
    : IClassFixture<GraphSamplesTests.ReadFactory>, IClassFixture<GraphSamplesTests.WriteFactory>
{
    /// <summary>The app as it runs, for the queries, which must see the demo data alone.</summary>
    public sealed class ReadFactory() : AppFactory(new Dictionary<string, string?>());

    /// <summary>A second app for the mutations, so the records they add never show up in a query's response.</summary>
    public sealed class WriteFactory() : AppFactory(new Dictionary<string, string?>());

    private static readonly string SamplesPath = Path.Combine(RepositoryRoot.Path, "docs", "graphql-samples.md");

    public static TheoryData<string> SampleTitles() => [.. ReadSamples().Select(sample => sample.Title)];

    [Fact]
    public void Samples_page_has_samples()
    {
        Assert.True(ReadSamples().Count >= 9, $"{SamplesPath} lost samples.");
    }

    [Theory]
    [MemberData(nameof(SampleTitles))]
    public async Task Sample_runs_as_documented(string title)
    {
        var sample = ReadSamples().Single(sample => sample.Title == title);
        var factory = sample.Query.TrimStart().StartsWith("mutation", StringComparison.Ordinal) ? (AppFactory)writes : reads;
        using var client = factory.CreateAdminClient();
        object? variables = sample.Variables is null ? null : JsonSerializer.Deserialize<JsonElement>(sample.Variables);

        var body = await client.GraphAsync(sample.Query, variables);

        Assert.False(body.TryGetProperty("errors", out var errors), $"The sample '{title}' failed: {errors}");
        foreach (var field in body.GetProperty("data").EnumerateObject())
        {
            Assert.NotEqual(JsonValueKind.Null, field.Value.ValueKind);
            if (field.Value.TryGetProperty("completionObj", out var completion))
                Assert.True(completion.GetProperty("code").GetString() == "0", $"The sample '{title}' did not complete: {completion}");
        }

        // New records get random ids; everything else is the demo data and must match.
        var scrub = body.GetProperty("data").EnumerateObject()
            .SelectMany(field => new[] { "user_id", "order_id" }
                .Where(name => field.Value.ValueKind == JsonValueKind.Object && field.Value.TryGetProperty(name, out _))
                .Select(name => $"data.{field.Name}.{name}"))
            .ToArray();
        Snapshots.MatchJson(body.ToString(), scrub, testName: $"{nameof(Sample_runs_as_documented)}.{Slug(title)}");
    }

    private sealed record Sample(string Title, string Query, string? Variables);

    /// <summary>Reads each section of the page: its title, its graphql block and the json block of variables that may follow it.</summary>
    private static List<Sample> ReadSamples()
    {
        var text = File.ReadAllText(SamplesPath).ReplaceLineEndings("\n");

        return [.. SectionPattern().Matches(text).Select(match => new Sample(
            match.Groups["title"].Value.Trim(),
            match.Groups["query"].Value,
            match.Groups["variables"].Success ? match.Groups["variables"].Value : null))];
    }

    /// <summary>Turns a title into a file name part: its words of letters and digits, joined by underscores.</summary>
    private static string Slug(string title) => string.Join('_', WordPattern().Matches(title).Select(match => match.Value));

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^## (?<title>[^\n]+)\n(?:(?!^## )[\s\S])*?```graphql\n(?<query>[\s\S]*?)```\n(?:\n```json\n(?<variables>[\s\S]*?)```\n)?", RegexOptions.Multiline)]
    private static partial Regex SectionPattern();
}
