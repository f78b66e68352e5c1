using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Slices.Tests;

namespace Slices.Features.GraphQL;

public sealed class GraphSchemaTests(GraphSchemaTests.Factory factory) : IClassFixture<GraphSchemaTests.Factory>
{
    /// <summary>The app as it runs, without the tests' probe contribution.</summary>
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>());

    private const string UpdateVariable = "SLICES_UPDATE_SCHEMA_DOC";

    private static readonly string SchemaDocPath = Path.Combine(RepositoryRoot.Path, "docs", "schema.graphql");

    [Fact]
    public void Schema_matches_snapshot()
    {
        var lines = PrintSchema().Split('\n');

        Snapshots.MatchJson(JsonSerializer.Serialize(new { sdl = lines }));
    }

    /// <summary>
    /// Keeps docs/schema.graphql equal to the app's schema. With SLICES_UPDATE_SCHEMA_DOC=1 the test rewrites the file
    /// instead, for review and commit with the change.
    /// </summary>
    [Fact]
    public void Schema_doc_is_current()
    {
        var printed = PrintSchema();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SchemaDocPath)!);
            File.WriteAllText(SchemaDocPath, printed);
        }

        Assert.True(File.Exists(SchemaDocPath), $"{SchemaDocPath} is missing; run the tests with {UpdateVariable}=1 to write it.");
        Assert.True(
            File.ReadAllText(SchemaDocPath) == printed,
            $"docs/schema.graphql differs from the app's schema; run the tests with {UpdateVariable}=1 and review the change.");
    }

    private string PrintSchema()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();

        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
