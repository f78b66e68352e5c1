using System.Net;
using System.Text.Json;
using Slices.Features.GraphQL;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Orders.Graph;

public sealed class ItemGraphTests(ItemGraphTests.Factory factory) : IClassFixture<ItemGraphTests.Factory>
{
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>());

    private const string ItemFields = "id desc item_category item_price { amount discount_schema valid_from valid_to } item_details";

    [Fact]
    public async Task Get_item_returns_catalog_item()
    {
        var body = await QueryAsync($$"""{ getItem(item_id: "{{DemoData.FoodItemId}}") { {{ItemFields}} } }""");

        Snapshots.MatchJson(body);
    }

    [Fact]
    public async Task Get_item_takes_global_id()
    {
        var globalId = GlobalId.Encode("Item", DemoData.ConsumerItemId);

        var body = await QueryAsync($$"""{ getItem(item_id: "{{globalId}}") { id desc } }""");

        var item = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("getItem");
        Assert.Equal(globalId, item.GetProperty("id").GetString());
        Assert.Equal("Sample Consumer Item", item.GetProperty("desc").GetString());
    }

    [Fact]
    public async Task Unknown_item_is_null()
    {
        var body = await QueryAsync("""{ getItem(item_id: "000000000000") { id } }""");

        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("getItem").ValueKind);
    }

    [Fact]
    public async Task Node_loads_item()
    {
        var globalId = GlobalId.Encode("Item", DemoData.ConsumerItemId);

        var body = await QueryAsync($$"""{ node(id: "{{globalId}}") { __typename ... on Item { item_category item_details } } }""");

        Snapshots.MatchJson(body);
    }

    private async Task<string> QueryAsync(string query)
    {
        using var client = factory.CreateClientWithToken(await factory.LoginAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graph")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        return await response.Content.ReadAsStringAsync();
    }
}
