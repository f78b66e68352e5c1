using System.Net;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Slices.Features.GraphQL;

public sealed class GraphErrorsTests(GraphErrorsTests.DevelopmentFactory factory) : IClassFixture<GraphErrorsTests.DevelopmentFactory>
{
    public sealed class DevelopmentFactory() : GraphFactory(new Dictionary<string, string?>(), "Development");

    [Fact]
    public async Task Development_shows_exception_details()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ probe(probe_id: \"probe0000001\") { crash } }"));

        var body = await GraphFactory.ReadJsonAsync(response);
        var extensions = body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(GraphErrorInfoProvider.InternalErrorCode, extensions.GetProperty("code").GetString());
        Assert.Contains("Probe internals that must stay private.", extensions.GetProperty("details").GetString());
    }

    [Theory]
    [InlineData("{ probe(probe_id: \"probe0000001\") { fail } }")]
    [InlineData("{ probes(first: 0) { edges { cursor } } }")]
    [InlineData("{ probe(") ]
    public async Task Development_hides_details_of_expected_errors(string query)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery(query));

        var extensions = (await GraphFactory.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("extensions");
        Assert.True(extensions.TryGetProperty("code", out _));
        Assert.False(extensions.TryGetProperty("details", out _), extensions.ToString());
    }

    [Theory]
    [InlineData("2018-01-01")]
    [InlineData("2018-01-01T08:00:00")]
    public async Task Date_without_zone_is_rejected_with_the_format(string value)
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("query($d: DateTime!) { probeEchoDate(value: $d) }", new { d = value }));

        var message = (await GraphFactory.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains($"'{value}' is not an ISO 8601 date and time with Z or an offset, such as 2018-01-01T08:00:00Z.", message);
    }

    [Fact]
    public async Task Accept_without_json_gets_json()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ __typename }", accept: "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Duplicate_root_field_stops_start_up()
    {
        using var clashing = new ClashingFactory();

        var failure = Assert.Throws<InvalidOperationException>(() => clashing.Services.GetRequiredService<ISchema>());

        Assert.Contains("The GraphQL contribution Slices.Features.GraphQL.ProbeContribution adds a root field", failure.Message);
        Assert.Contains("'probe' is already registered", failure.Message);
    }

    /// <summary>The app with the probe contribution registered twice, so two contributions add the same fields.</summary>
    private sealed class ClashingFactory : GraphFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            builder.ConfigureServices(services => services.AddSingleton<IGraphContribution, ProbeContribution>());
        }
    }
}
