using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Orders;

/// <summary>Each test uses a fresh app, so the order counts it checks are its own.</summary>
public sealed class OrderPagingTests
{
    private const int OrderCount = 1000;
    private const int PageSize = 37;

    private const string ListName = "test_orders";

    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Demo_orders_list_newest_first()
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync($"/users/{DemoData.JaneId}/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_user_orders_is_404_for_admin()
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/users/NoSuchUser00/orders");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("order_by=amount", "order_by")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("first=1000", "first")]
    [InlineData("after=WyJ4Il0", "after")]
    public async Task Invalid_order_query_is_400(string query, string field)
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync($"/users/{DemoData.JohnId}/orders?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"name\":\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(DemoData.JohnId, "")]
    [InlineData(DemoData.JaneId, "&direction=asc")]
    public async Task Cursor_of_another_order_list_is_400(string issuingUserId, string direction)
    {
        await using var factory = new AppFactory();
        using var client = factory.CreateAdminClient();
        using var issued = await client.GetFromJsonAsync<JsonDocument>($"/users/{issuingUserId}/orders?first=1");
        var cursor = issued!.RootElement.GetProperty("page_info").GetProperty("end_cursor").GetString();

        using var response = await client.GetAsync($"/users/{DemoData.JaneId}/orders?first=1&after={cursor}{direction}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"name\":\"after\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("first", "after", "end_cursor", "has_next_page", "desc")]
    [InlineData("first", "after", "end_cursor", "has_next_page", "asc")]
    [InlineData("last", "before", "start_cursor", "has_previous_page", "desc")]
    [InlineData("last", "before", "start_cursor", "has_previous_page", "asc")]
    public async Task Walk_visits_each_order_once(string sizeParameter, string cursorParameter, string cursorField, string moreField, string direction)
    {
        await using var factory = new AppFactory();
        var orders = factory.Services.GetRequiredService<OrderStore>();
        var original = Enumerable.Range(0, OrderCount).Select(index => Insert(orders, Start.AddMinutes(index / 4))).ToHashSet();
        using var client = factory.CreateUserClient();
        var firstPage = $"/users/{DemoData.JohnId}/orders?direction={direction}&{sizeParameter}={PageSize}";

        var seen = new List<string>();
        var url = firstPage;
        for (var page = 0; page < 2 * OrderCount / PageSize; page++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));

            // Orders added between pages, before, inside and after the walked range, must not disturb the walk.
            Insert(orders, Start.AddMinutes(-1 - page));
            Insert(orders, Start.AddMinutes(page * 7));
            Insert(orders, Start.AddDays(30 + page));

            var pageInfo = json.GetProperty("page_info");
            if (!pageInfo.GetProperty(moreField).GetBoolean())
                break;

            url = $"{firstPage}&{cursorParameter}={pageInfo.GetProperty(cursorField).GetString()}";
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), original);
    }

    [Fact]
    public void Page_keys_match_sorted_order()
    {
        var index = ImmutableSortedSet.CreateRange(Enumerable.Range(0, 50).Select(number => new TimeKey(Start.AddMinutes(number / 5), $"id{number:D3}")));
        var descending = index.Reverse().ToArray();

        var first = KeysetPaging.Read(index, ListName, new PageRequest(First: 10, Descending: true), key => key);
        var second = KeysetPaging.Read(index, ListName, new PageRequest(First: 10, After: first.PageInfo.EndCursor, Descending: true), key => key);
        var back = KeysetPaging.Read(index, ListName, new PageRequest(Last: 10, Before: second.PageInfo.StartCursor, Descending: true), key => key);

        Assert.Equal(descending[..10], first.Nodes);
        Assert.Equal(descending[10..20], second.Nodes);
        Assert.Equal(first.Nodes, back.Nodes);
        Assert.False(first.PageInfo.HasPreviousPage);
        Assert.True(second.PageInfo.HasPreviousPage);
        Assert.True(second.PageInfo.HasNextPage);
        Assert.False(back.PageInfo.HasPreviousPage);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Filtered_pages_cover_matches_once(bool descending)
    {
        var index = ImmutableSortedSet.CreateRange(Enumerable.Range(0, 200).Select(number => new TimeKey(Start.AddMinutes(number), $"id{number:D3}")));
        static bool Accept(TimeKey key) => int.Parse(key.Id[2..], System.Globalization.CultureInfo.InvariantCulture) % 7 == 0;
        var expected = (descending ? index.Reverse() : index).Where(Accept).ToArray();

        var forward = new List<TimeKey>();
        var page = KeysetPaging.Read(index, ListName, new PageRequest(First: 4, Descending: descending), key => key, Accept);
        Assert.False(page.PageInfo.HasPreviousPage);
        forward.AddRange(page.Nodes);
        while (page.PageInfo.HasNextPage)
        {
            page = KeysetPaging.Read(index, ListName, new PageRequest(First: 4, After: page.PageInfo.EndCursor, Descending: descending), key => key, Accept);
            Assert.True(page.PageInfo.HasPreviousPage);
            forward.AddRange(page.Nodes);
        }

        var backward = new List<TimeKey>();
        page = KeysetPaging.Read(index, ListName, new PageRequest(Last: 4, Descending: descending), key => key, Accept);
        Assert.False(page.PageInfo.HasNextPage);
        backward.InsertRange(0, page.Nodes);
        while (page.PageInfo.HasPreviousPage)
        {
            page = KeysetPaging.Read(index, ListName, new PageRequest(Last: 4, Before: page.PageInfo.StartCursor, Descending: descending), key => key, Accept);
            backward.InsertRange(0, page.Nodes);
        }

        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
    }

    [Fact]
    public void Filter_that_accepts_nothing_gives_empty_page()
    {
        var index = ImmutableSortedSet.CreateRange(Enumerable.Range(0, 20).Select(number => new TimeKey(Start.AddMinutes(number), $"id{number:D3}")));

        var page = KeysetPaging.Read(index, ListName, new PageRequest(First: 5), key => key, _ => false);

        Assert.Empty(page.Edges);
        Assert.False(page.PageInfo.HasNextPage);
        Assert.False(page.PageInfo.HasPreviousPage);
        Assert.Null(page.PageInfo.EndCursor);
    }

    private static string Insert(OrderStore orders, DateTimeOffset orderDate)
    {
        var line = new OrderItem(DemoData.FoodItemId, 1, 2m, null);
        var result = orders.Insert(new Order("", DemoData.JohnId, DemoData.JohnId, orderDate, [line], orderDate, orderDate));

        return result.Stored!.Id;
    }
}
