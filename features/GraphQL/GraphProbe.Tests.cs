using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Slices.Auth;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.GraphQL;

/// <summary>A record that only the tests' schema contribution serves.</summary>
public sealed record Probe(string Id, string Label, DateTimeOffset CreatedAt);

public sealed class ProbeType : NodeGraphType<Probe>
{
    public ProbeType()
        : base("Probe", probe => probe.Id)
    {
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(context => context.Source.Label);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("created_at").Resolve(context => context.Source.CreatedAt);
        Field<ProbeType>("child").Resolve(context => context.Source with { Id = context.Source.Id + "-child" });
        Field<ListGraphType<ProbeType>>("siblings").Resolve(context => ProbeContribution.Probes);
        Field<StringGraphType>("fail").Resolve(_ => throw new ExecutionError("The probe failed as asked.") { Code = "PROBE_FAILED" });
        Field<StringGraphType>("crash").Resolve(_ => throw new InvalidOperationException("Probe internals that must stay private."));
    }
}

public sealed class ProbeViewerType : ObjectGraphType<Viewer>
{
    public ProbeViewerType()
    {
        Name = "ProbeViewer";

        Field<NonNullGraphType<StringGraphType>>("id").Resolve(context => context.Source.UserId);
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(context => context.Source.Username);
        Field<NonNullGraphType<StringGraphType>>("locale").Resolve(context => context.Source.Locale);
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(context => context.Source.Role);
    }
}

/// <summary>A schema contribution defined by the tests, to exercise the contribution interface and the transport.</summary>
public sealed class ProbeContribution : IGraphContribution
{
    public static readonly Probe[] Probes =
    [
        new("probe0000001", "first", new DateTimeOffset(2018, 1, 1, 8, 0, 0, TimeSpan.Zero)),
        new("probe0000002", "second", new DateTimeOffset(2018, 2, 1, 8, 0, 0, TimeSpan.FromHours(2))),
        new("probe0000003", "third", new DateTimeOffset(2018, 3, 1, 8, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly ListShape<Probe> Shape = new()
    {
        OrderFields = ["created_at"],
        Filters = new() { ["label"] = label => probe => probe.Label == label },
        Parameters = new()
        {
            ["created_from"] = ListArguments.DateParameter<Probe>("created_from", from => probe => probe.CreatedAt >= from),
        },
    };

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<ProbeType>("probe")
            .Argument<NonNullGraphType<IdGraphType>>("probe_id")
            .Resolve(context => Find(GlobalId.ToRawId(context.GetArgument<string>("probe_id"), "Probe")));

        query.Field<NonNullGraphType<ProbeViewerType>>("probeViewer").Resolve(context => context.Viewer());

        query.Field<NonNullGraphType<ConnectionGraphType<ProbeType>>>("probes")
            .WithListArguments(Shape)
            .Resolve(Page);

        query.Field<UtcDateTimeGraphType>("probeEchoDate")
            .Argument<NonNullGraphType<UtcDateTimeGraphType>>("value")
            .Resolve(context => context.GetArgument<DateTimeOffset>("value"));
    }

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<StringGraphType>>("probeEcho")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context => context.GetArgument<string>("text"));

    public static Probe? Find(string rawId) => Probes.FirstOrDefault(probe => probe.Id == rawId);

    private static object Page(IResolveFieldContext context)
    {
        var (_, descending) = ListArguments.ReadOrderBy(context, Shape);
        var request = Connections.ReadPageRequest(context, descending);
        var query = KeysetPaging.Validate<TimeKey>(request, "probes");
        if (!query.IsValid)
            throw GraphOutcomes.InvalidInput(query.Failures);

        var index = Probes.Select(probe => new TimeKey(probe.CreatedAt, probe.Id)).ToImmutableSortedSet();
        var page = KeysetPaging.Read(index, query, key => Find(key.Id)!, ListArguments.ReadRowTest(context, Shape));

        return Connections.FromPage(page);
    }
}

public sealed class ProbeNodeResolver : INodeResolver
{
    public string TypeName => "Probe";

    public Task<object?> ResolveAsync(string rawId, IResolveFieldContext context) =>
        Task.FromResult<object?>(ProbeContribution.Find(rawId));
}

/// <summary>The app with the probe contribution, and helpers that send GraphQL requests as a logged-in user.</summary>
public class GraphFactory : AppFactory
{
    public GraphFactory()
        : base(new Dictionary<string, string?>())
    {
    }

    protected GraphFactory(IDictionary<string, string?> overrides, string environment = "Testing")
        : base(overrides, environment: environment)
    {
    }

    /// <summary>Every event the app logged, captured through a sink that Serilog reads from the services.</summary>
    public CapturedLog Log { get; } = new();

    public async Task<HttpClient> CreateLoggedInClientAsync(string username = "jane01", string password = Store.DemoData.JanePassword) =>
        CreateClientWithToken(await LoginAsync(username, password));

    public static HttpRequestMessage Post(string body, string contentType = "application/json", string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graph") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);

        return request;
    }

    public static HttpRequestMessage PostQuery(string query, object? variables = null, string? accept = null) =>
        Post(JsonSerializer.Serialize(new { query, variables }), accept: accept);

    public static HttpRequestMessage Get(string queryString, bool preflight = true, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graph?" + queryString);
        if (preflight)
            request.Headers.Add(GraphMediaTypes.PreflightHeader, "1");
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);

        return request;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        return document.RootElement.Clone();
    }

    /// <summary>Returns <c>extensions.code</c> of the first error.</summary>
    public static string? FirstErrorCode(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        builder.ConfigureServices(services => services
            .AddSingleton<ILogEventSink>(Log)
            .AddGraphContribution<ProbeContribution>()
            .AddNodeResolver<ProbeNodeResolver>());
    }
}

/// <summary>Keeps log events in memory, rendered with their properties, for tests to search.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly List<string> lines = [];

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(", ", logEvent.Properties.Select(property => $"{property.Key}={property.Value}"));

        lock (lines)
            lines.Add($"{logEvent.RenderMessage()} | {properties}");
    }

    public string[] Lines()
    {
        lock (lines)
            return [.. lines];
    }
}
