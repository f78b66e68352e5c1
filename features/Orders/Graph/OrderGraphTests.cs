using System.Text.Json;
using Slices.Features.GraphQL;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Orders.Graph;

/// <summary>Reads of the seeded demo orders over GraphQL; no test here places an order.</summary>
public sealed class OrderGraphTests(OrderGraphTests.Factory factory) : IClassFixture<OrderGraphTests.Factory>
{
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>());

    private const string OrderFields = """
        id user_id payer_id order_date
        order_items { edges { cursor node { id item_id desc item_category quantity amount item_details } } pageInfo { hasNextPage hasPreviousPage } }
        """;

    private static readonly string FirstOrderGlobalId = GlobalId.Encode("UserOrder", DemoData.FirstOrderId);

    [Fact]
    public async Task List_user_orders_newest_first()
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync($$"""{ listUserOrders(user_id: "{{DemoData.JaneId}}") { edges { cursor node { {{OrderFields}} } } pageInfo { hasNextPage hasPreviousPage } } }""");

        Snapshots.MatchJson(body.ToString());
    }

    [Fact]
    public async Task List_user_orders_pages_both_ways()
    {
        using var client = factory.CreateAdminClient();
        var userId = GlobalId.Encode("User", DemoData.JaneId);

        var newest = (await client.GraphAsync($$"""{ listUserOrders(user_id: "{{userId}}", first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }""")).Data("listUserOrders");
        var cursor = newest.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var older = (await client.GraphAsync($$"""{ listUserOrders(user_id: "{{userId}}", first: 1, after: "{{cursor}}") { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor } } }""")).Data("listUserOrders");
        var olderCursor = older.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var back = (await client.GraphAsync($$"""{ listUserOrders(user_id: "{{userId}}", last: 1, before: "{{olderCursor}}") { edges { node { id } } pageInfo { hasPreviousPage } } }""")).Data("listUserOrders");

        Assert.Equal([GlobalId.Encode("UserOrder", DemoData.SecondOrderId)], newest.NodeValues("id"));
        Assert.True(newest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal([FirstOrderGlobalId], older.NodeValues("id"));
        Assert.False(older.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(older.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(newest.NodeValues("id"), back.NodeValues("id"));
        Assert.False(back.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Theory]
    [InlineData("""orderBy: { field: "order_date", direction: ASC }""", new[] { DemoData.FirstOrderId, DemoData.SecondOrderId })]
    [InlineData("""resolverArgs: [{ param: "order_date_to", value: "2018-01-15T00:00:00Z" }]""", new[] { DemoData.FirstOrderId })]
    [InlineData("""resolverArgs: [{ param: "order_date_from", value: "2018-01-15T00:00:00Z" }]""", new[] { DemoData.SecondOrderId })]
    [InlineData("""filterValues: { filterValuesString: "{\"payer_id\": \"1Eg6d1aFL8s7\"}" }""", new string[0])]
    [InlineData("""filterValues: { filterValuesString: "{\"payer_id\": \"VXNlcjoxRTRZbzExWTNyOWE=\"}" }""", new[] { DemoData.SecondOrderId, DemoData.FirstOrderId })]
    public async Task List_user_orders_takes_order_filters_and_parameters(string arguments, string[] orderIds)
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync($$"""{ listUserOrders(user_id: "{{DemoData.JaneId}}", {{arguments}}) { edges { node { id } } } }""");

        Assert.Equal(orderIds.Select(id => GlobalId.Encode("UserOrder", id)), body.Data("listUserOrders").NodeValues("id"));
    }

    [Fact]
    public async Task Regular_user_cannot_list_another_users_orders()
    {
        using var client = factory.CreateUserClient();

        var body = await client.GraphAsync($$"""{ listUserOrders(user_id: "{{DemoData.JaneId}}") { edges { node { id } } } }""");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("listUserOrders").ValueKind);
        Assert.Equal((GraphOutcomes.NotFound, $"User '{DemoData.JaneId}' was not found."), body.SingleError());
    }

    [Fact]
    public async Task Regular_user_lists_their_own_empty_order_list()
    {
        using var client = factory.CreateUserClient();

        var body = await client.GraphAsync($$"""{ listUserOrders(user_id: "{{DemoData.JohnId}}") { edges { node { id } } pageInfo { hasNextPage } } }""");

        Assert.Empty(body.Data("listUserOrders").Nodes());
    }

    [Theory]
    [InlineData("""orderBy: { field: "amount", direction: DESC }""", new[] { "15.99", "10.13" })]
    [InlineData("""first: 1""", new[] { "10.13" })]
    [InlineData("""last: 1""", new[] { "15.99" })]
    [InlineData("""filterValues: { filterValuesString: "{\"item_id\": \"1GVl21lq0S8p\"}" }""", new[] { "15.99" })]
    public async Task Order_items_page_sort_and_filter(string arguments, string[] amounts)
    {
        using var client = factory.CreateAdminClient();

        var body = await client.GraphAsync($$"""{ node(id: "{{FirstOrderGlobalId}}") { ... on UserOrder { order_items({{arguments}}) { edges { node { amount } } } } } }""");

        var lines = body.Data("node").GetProperty("order_items").Nodes();
        Assert.Equal(amounts, lines.Select(line => line.GetProperty("amount").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Order_items_cursor_continues_the_list()
    {
        using var client = factory.CreateAdminClient();
        var query = $$"""{ node(id: "{{FirstOrderGlobalId}}") { ... on UserOrder { order_items(first: 1, after: $after) { edges { node { desc } } pageInfo { hasNextPage endCursor } } } } }""";

        var first = (await client.GraphAsync(query.Replace("$after", "null"))).Data("node").GetProperty("order_items");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await client.GraphAsync(query.Replace("$after", $"\"{cursor}\""))).Data("node").GetProperty("order_items");

        Assert.Equal(["Sample Food Item"], first.NodeValues("desc"));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["Sample Consumer Item"], second.NodeValues("desc"));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData(DemoData.SecondOrderId, "")]
    [InlineData(DemoData.FirstOrderId, """, orderBy: { field: "amount" }""")]
    public async Task Order_items_rejects_cursor_of_another_list(string issuingOrderId, string orderBy)
    {
        using var client = factory.CreateAdminClient();
        var issued = await client.GraphAsync($$"""{ node(id: "{{GlobalId.Encode("UserOrder", issuingOrderId)}}") { ... on UserOrder { order_items(first: 1) { pageInfo { endCursor } } } } }""");
        var cursor = issued.Data("node").GetProperty("order_items").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var body = await client.GraphAsync($$"""{ node(id: "{{FirstOrderGlobalId}}") { ... on UserOrder { order_items(first: 1, after: "{{cursor}}"{{orderBy}}) { edges { node { desc } } } } } }""");

        Assert.Equal("INVALID_CURSOR", GraphFactory.FirstErrorCode(body));
    }

    [Fact]
    public async Task Node_loads_visible_order_line()
    {
        using var admin = factory.CreateAdminClient();
        using var user = factory.CreateUserClient();
        var lineId = GlobalId.Encode("OrderItem", $"{DemoData.FirstOrderId}:2");
        var query = $$"""{ node(id: "{{lineId}}") { id ... on OrderItem { desc quantity item_details } } }""";

        var line = (await admin.GraphAsync(query)).Data("node");
        var hidden = (await user.GraphAsync(query)).Data("node");
        var missing = (await admin.GraphAsync($$"""{ node(id: "{{GlobalId.Encode("OrderItem", $"{DemoData.FirstOrderId}:3")}}") { id } }""")).Data("node");

        Assert.Equal(lineId, line.GetProperty("id").GetString());
        Assert.Equal("Sample Consumer Item", line.GetProperty("desc").GetString());
        Assert.Equal(2, line.GetProperty("quantity").GetInt32());
        Assert.Equal("""{"color": "black"}""", line.GetProperty("item_details").GetString());
        Assert.Equal(JsonValueKind.Null, hidden.ValueKind);
        Assert.Equal(JsonValueKind.Null, missing.ValueKind);
    }

    [Fact]
    public async Task Node_hides_other_users_order()
    {
        using var client = factory.CreateUserClient();

        var body = await client.GraphAsync($$"""{ node(id: "{{FirstOrderGlobalId}}") { id } }""");

        Assert.Equal(JsonValueKind.Null, body.Data("node").ValueKind);
    }
}
