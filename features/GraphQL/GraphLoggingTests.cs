using System.Net;
using System.Text.Json;

namespace Slices.Features.GraphQL;

public sealed class GraphLoggingTests(GraphFactory factory) : IClassFixture<GraphFactory>
{
    [Fact]
    public async Task Request_is_logged_without_variables()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        var body = JsonSerializer.Serialize(new
        {
            query = "query LoggedOnce($id: ID!) { probe(probe_id: $id) { label } }",
            variables = new { id = "probe0000001", password = "variable-value-never-logged" },
        });

        using var response = await client.SendAsync(GraphFactory.Post(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(await LinesAboutAsync("\"LoggedOnce\""));
        Assert.Contains("StatusCode=200", line);
        Assert.Contains("GraphQLErrorCount=0", line);
        Assert.Contains("Elapsed=", line);
        Assert.Contains("RequestPath=\"/graph\"", line);
        Assert.DoesNotContain(factory.Log.Lines(), logLine => logLine.Contains("variable-value-never-logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejected_request_is_logged_with_code()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.Post("""[{"query":"{ __typename }"}]"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var lines = await LinesAboutAsync("BATCHING_NOT_SUPPORTED");
        Assert.NotEmpty(lines);
        Assert.Contains("StatusCode=400", lines[0]);
    }

    // The request log event is written after the response, so the client can read the response a moment earlier.
    private async Task<string[]> LinesAboutAsync(string text)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var lines = factory.Log.Lines().Where(line => line.Contains(text, StringComparison.Ordinal)).ToArray();
            if (lines.Length > 0)
                return lines;

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return [];
    }
}
