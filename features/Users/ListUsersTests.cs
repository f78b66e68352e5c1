using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Users;

/// <summary>Each test that reads the list uses a fresh app, so users created by other tests never show up.</summary>
public sealed class ListUsersTests
{
    [Fact]
    public async Task List_as_admin_returns_demo_users()
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task List_as_user_is_403()
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Theory]
    [InlineData("order_by=password", "order_by")]
    [InlineData("direction=up", "direction")]
    [InlineData("first=0", "first")]
    [InlineData("first=101", "first")]
    [InlineData("last=0", "last")]
    [InlineData("first=2&last=2", "first")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("before=bm90LWpzb24", "before")]
    [InlineData("first=many", "first")]
    public async Task Invalid_query_is_400(string query, string field)
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync($"/users?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"name\":\"{field}\"", body);
    }

    [Fact]
    public async Task Unparsable_size_names_expected_type()
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/users?first=many");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("first must be a whole number, not 'many'.", body);
        Assert.DoesNotContain("Int32", body);
    }

    [Theory]
    [InlineData("order_by=username")]
    [InlineData("order_by=full_name&direction=desc")]
    public async Task Cursor_of_another_sort_order_is_400(string otherOrder)
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();
        using var first = await client.GetFromJsonAsync<JsonDocument>("/users?order_by=full_name&first=1");
        var cursor = first!.RootElement.GetProperty("page_info").GetProperty("end_cursor").GetString();

        using var response = await client.GetAsync($"/users?{otherOrder}&first=1&after={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"name\":\"after\"", body);
    }

    [Theory]
    [InlineData("full_name", "asc")]
    [InlineData("username", "desc")]
    [InlineData("created_at", "asc")]
    [InlineData("created_at", "desc")]
    public async Task Paging_visits_each_user_once(string orderBy, string direction)
    {
        await using var factory = new AppFactory();
        var users = factory.Services.GetRequiredService<UserStore>();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var index = 0; index < 45; index++)
        {
            // Every third user shares a name and a creation time with another, so ties fall to the id.
            var shared = index / 3;
            users.Insert(new User("", $"Name {shared:D2}", $"pager{index:D2}", $"pager{index}@example.com", "en", "user", "", start.AddMinutes(shared), start));
        }

        using var client = factory.CreateAdminClient();
        var expected = users.All().Select(user => user.Id).Order().ToArray();

        var forward = await Walk(client, $"/users?order_by={orderBy}&direction={direction}&first=7", "after", "end_cursor", "has_next_page");
        var backward = await Walk(client, $"/users?order_by={orderBy}&direction={direction}&last=7", "before", "start_cursor", "has_previous_page");

        Assert.Equal(expected, forward.Order().ToArray());
        Assert.Equal(forward, backward);
    }

    /// <summary>Follows the cursors until the last page and returns every id in list order.</summary>
    private static async Task<List<string>> Walk(HttpClient client, string firstPage, string cursorParameter, string cursorField, string moreField)
    {
        var pages = new List<string[]>();
        var url = firstPage;
        for (var page = 0; page < 100; page++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>(url);
            pages.Add(json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToArray());

            var pageInfo = json.GetProperty("page_info");
            if (!pageInfo.GetProperty(moreField).GetBoolean())
                break;

            url = $"{firstPage}&{cursorParameter}={pageInfo.GetProperty(cursorField).GetString()}";
        }

        // Walking backward yields the pages last first.
        if (cursorParameter == "before")
            pages.Reverse();

        return pages.SelectMany(ids => ids).ToList();
    }
}
