using System.Net;
using Slices.Tests;

namespace Slices.Features.GraphQL;

public sealed class GraphAuthTests(GraphFactory factory) : IClassFixture<GraphFactory>
{
    [Fact]
    public async Task Post_without_token_is_401()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ __typename }"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Token_from_unknown_key_is_401()
    {
        using var client = factory.CreateClientWithToken(TestTokens.Create(key: TestKeys.Other));

        using var response = await client.SendAsync(GraphFactory.PostQuery("{ __typename }"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Browser_without_cookie_is_sent_to_login()
    {
        using var client = factory.CreatePlainClient();

        using var response = await client.SendAsync(GraphFactory.Get("", preflight: false, accept: "text/html"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fgraph", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Browser_gets_graphiql()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graph");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/graphiql/graphiql@3.9.0/graphiql.min.js\" integrity=\"sha384-", page);
        Assert.Contains("<script src=\"/graphiql/react@18.3.1/umd/react.production.min.js\" integrity=\"sha384-", page);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/graphiql/graphiql@3.9.0/graphiql.min.css\" integrity=\"sha384-", page);
        Assert.Contains("<strong id=\"username\">jane01</strong>", page);
        Assert.Contains("<form method=\"post\" action=\"/logout\">", page);
        Assert.Contains("credentials: \"same-origin\"", page);
        Assert.Contains("\"GraphQL-Require-Preflight\": \"1\"", page);
        Assert.Contains("const endpointUrl = \"/graph\"", page);
    }

    [Fact]
    public async Task Graphiql_policy_allows_only_its_assets()
    {
        using var client = await factory.CreateLoggedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graph");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var page = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.StartsWith("default-src 'none';", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'nonce-", policy);
        Assert.Contains($"script-src 'nonce-{nonce}' 'self';", policy);
        Assert.Contains($"style-src 'self' 'nonce-{nonce}';", policy);
        Assert.DoesNotContain("'unsafe-inline'", policy);
        Assert.Contains($"<style nonce=\"{nonce}\">", page);
        Assert.Contains("form-action 'self'", policy);
        Assert.DoesNotContain("https:", policy);
        Assert.DoesNotContain("'unsafe-eval'", policy);
        Assert.DoesNotContain("*", policy);
        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.Contains($"<script nonce=\"{nonce}\">", page);
    }

    [Fact]
    public async Task Graphiql_nonce_changes_per_response()
    {
        using var client = await factory.CreateLoggedInClientAsync();

        var first = await PolicyAsync(client);
        var second = await PolicyAsync(client);

        Assert.NotEqual(first, second);
    }

    private static async Task<string> PolicyAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graph");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);

        return string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
    }
}
