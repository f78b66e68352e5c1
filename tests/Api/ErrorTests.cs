using System.Net;
using System.Net.Http.Json;
using Slices.Store;

namespace Slices.Tests.Api;

public sealed class ErrorTests
{
    [Fact]
    public async Task Server_error_hides_stack_trace()
    {
        await using var factory = AppFactory.With(new Dictionary<string, string?>(), new BrokenClock());
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = DemoData.JanePassword });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":500", body);
        Assert.DoesNotContain(BrokenClock.Message, body);
        Assert.DoesNotContain("at Slices.", body);
    }

    [Fact]
    public async Task Development_error_shows_exception()
    {
        await using var factory = AppFactory.With(new Dictionary<string, string?>(), new BrokenClock(), environment: "Development");
        using var client = factory.CreatePlainClient();

        using var response = await client.PostAsJsonAsync("/login", new { username = "jane01", password = DemoData.JanePassword });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(BrokenClock.Message, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A clock that fails, so that a login hits an unhandled exception deep in the pipeline.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public const string Message = "The test clock is broken on purpose.";

        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException(Message);
    }
}
