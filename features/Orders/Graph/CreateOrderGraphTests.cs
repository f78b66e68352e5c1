using System.Text.Json;
using Slices.Features.GraphQL;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Orders.Graph;

/// <summary>createOrder over GraphQL, in an app of its own because every test places orders.</summary>
public sealed class CreateOrderGraphTests(CreateOrderGraphTests.Factory factory) : IClassFixture<CreateOrderGraphTests.Factory>
{
    public sealed class Factory() : AppFactory(new Dictionary<string, string?>());

    private const string CreateOrder = """
        mutation($input: CreateOrderInput!) {
          createOrder(input: $input) { order_id clientMutationId completionObj { code msg msg_id processed modified } }
        }
        """;

    [Fact]
    public async Task Create_order_prices_missing_amounts()
    {
        using var client = factory.CreateAdminClient();
        var input = Order(DemoData.JaneId, [Line(GlobalId.Encode("Item", DemoData.FoodItemId), 4, itemDetails: """{"gift": true}""")], clientMutationId: "order-1");

        var payload = (await client.GraphAsync(CreateOrder, new { input })).Data("createOrder");
        var orderId = payload.GetProperty("order_id").GetString()!;
        var stored = (await client.GraphAsync($$"""{ node(id: "{{orderId}}") { ... on UserOrder { user_id order_date order_items { edges { node { item_id quantity amount item_details } } } } } }""")).Data("node");
        var line = stored.GetProperty("order_items").Nodes().Single();

        AssertCompletion(payload, "0", "002", "Order created", modified: 1);
        Assert.Equal("order-1", payload.GetProperty("clientMutationId").GetString());
        Assert.Equal(GlobalId.Encode("User", DemoData.JaneId), stored.GetProperty("user_id").GetString());
        Assert.Equal("2018-03-01T08:00:00Z", stored.GetProperty("order_date").GetString());
        Assert.Equal(GlobalId.Encode("Item", DemoData.FoodItemId), line.GetProperty("item_id").GetString());
        Assert.Equal(4, line.GetProperty("quantity").GetInt32());
        Assert.Equal("""{"gift":true}""", line.GetProperty("item_details").GetString()!.Replace(" ", ""));
        Assert.Equal(8m, line.GetProperty("amount").GetDecimal()); // 4 at the food item's price of 2 on the order date
    }

    [Fact]
    public async Task Item_details_must_be_json_object()
    {
        using var client = factory.CreateAdminClient();

        var broken = (await client.GraphAsync(CreateOrder, new { input = Order(DemoData.JaneId, [Line(DemoData.FoodItemId, 1), Line(DemoData.ConsumerItemId, 1, itemDetails: "{color: black}")]) })).Data("createOrder");
        var array = (await client.GraphAsync(CreateOrder, new { input = Order(DemoData.JaneId, [Line(DemoData.ConsumerItemId, 1, itemDetails: "[1, 2]")]) })).Data("createOrder");

        AssertCompletion(broken, "1", "DO01", null, modified: 0);
        Assert.StartsWith($"item_details of order_items[1] (item {DemoData.ConsumerItemId}) is not valid JSON", Message(broken));
        AssertCompletion(array, "1", "DO01", $"item_details of order_items[0] (item {DemoData.ConsumerItemId}) must be a JSON object, such as {{\"color\": \"black\"}}.", modified: 0);
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("order_id").ValueKind);
    }

    [Theory]
    [InlineData("000000000000", 1, "order_items[0].item_id: Item '000000000000' was not found.")]
    [InlineData(DemoData.FoodItemId, 0, "order_items[0].quantity: quantity must be greater than 0.")]
    [InlineData("VXNlcjoxRTRZbzExWTNyOWE=", 1, "The id 'VXNlcjoxRTRZbzExWTNyOWE=' is of type User, but this argument takes an id of type Item.")]
    public async Task Invalid_order_reports_the_reason(string itemId, int quantity, string message)
    {
        using var client = factory.CreateAdminClient();

        var payload = (await client.GraphAsync(CreateOrder, new { input = Order(DemoData.JaneId, [Line(itemId, quantity)]) })).Data("createOrder");

        AssertCompletion(payload, "1", "EO01", message, modified: 0);
    }

    [Fact]
    public async Task Regular_user_may_not_order_for_someone_else()
    {
        using var client = factory.CreateUserClient();

        var forJane = (await client.GraphAsync(CreateOrder, new { input = Order(DemoData.JaneId, [Line(DemoData.FoodItemId, 1)]) })).Data("createOrder");
        var forSelf = (await client.GraphAsync(CreateOrder, new { input = Order(DemoData.JohnId, [Line(DemoData.FoodItemId, 1)]) })).Data("createOrder");

        AssertCompletion(forJane, "1", "EO01", "A user orders only for and as themselves; only an admin may order for others.", modified: 0);
        AssertCompletion(forSelf, "0", "002", "Order created", modified: 1);
    }

    [Fact]
    public async Task User_and_order_are_created_in_one_request()
    {
        using var client = factory.CreateAdminClient();
        var username = DemoClients.UniqueUsername("both");
        var query = $$"""
            mutation {
              createUser(input: { user_data: { full_name: "Both At Once", username: "{{username}}", primary_email: "{{username}}@example.com", password: "a-long-password" } }) {
                user_id completionObj { msg_id }
              }
              createOrder(input: { order_data: { user_id: "{{DemoData.JohnId}}", payer_id: "{{DemoData.JaneId}}", order_items: [{ item_id: "{{DemoData.ConsumerItemId}}", quantity: 2, amount: 30 }] } }) {
                order_id completionObj { msg_id }
              }
            }
            """;

        var body = await client.GraphAsync(query);

        Assert.Equal("001", body.Data("createUser").GetProperty("completionObj").GetProperty("msg_id").GetString());
        Assert.Equal("002", body.Data("createOrder").GetProperty("completionObj").GetProperty("msg_id").GetString());
    }

    [Fact]
    public async Task Orders_placed_between_pages_do_not_disturb_paging()
    {
        using var client = factory.CreateUserClient();
        for (var day = 1; day <= 5; day++)
            await PlaceJohnsOrderAsync(client, new DateTimeOffset(2020, 1, day, 0, 0, 0, TimeSpan.Zero));

        var seen = new List<string>();
        string? after = null;
        var hasNext = true;
        while (hasNext && seen.Count < 50)
        {
            var page = (await client.GraphAsync(
                "query($user: ID!, $after: String) { listUserOrders(user_id: $user, first: 2, after: $after, orderBy: { field: \"order_date\", direction: ASC }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }",
                new { user = DemoData.JohnId, after })).Data("listUserOrders");
            seen.AddRange(page.NodeValues("id"));
            hasNext = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();

            // An order dated before every other one lands behind the cursor and must not show up later.
            if (seen.Count == 2)
                await PlaceJohnsOrderAsync(client, new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count >= 5, $"Only {seen.Count} orders were listed.");
    }

    private static async Task PlaceJohnsOrderAsync(HttpClient client, DateTimeOffset orderDate)
    {
        var payload = (await client.GraphAsync(CreateOrder, new { input = Order(DemoData.JohnId, [Line(DemoData.FoodItemId, 1)], orderDate) })).Data("createOrder");
        Assert.Equal("0", payload.GetProperty("completionObj").GetProperty("code").GetString());
    }

    private static object Order(string userId, object[] lines, DateTimeOffset? orderDate = null, string? clientMutationId = null) =>
        new
        {
            order_data = new
            {
                user_id = userId,
                order_date = (orderDate ?? new DateTimeOffset(2018, 3, 1, 8, 0, 0, TimeSpan.Zero)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                order_items = lines,
            },
            clientMutationId,
        };

    private static object Line(string itemId, int quantity, string? itemDetails = null) =>
        new { item_id = itemId, quantity, item_details = itemDetails };

    private static string Message(JsonElement payload) => payload.GetProperty("completionObj").GetProperty("msg").GetString()!;

    private static void AssertCompletion(JsonElement payload, string code, string msgId, string? msg, int modified)
    {
        var completion = payload.GetProperty("completionObj");
        Assert.Equal(code, completion.GetProperty("code").GetString());
        Assert.Equal(msgId, completion.GetProperty("msg_id").GetString());
        if (msg is not null)
            Assert.Equal(msg, completion.GetProperty("msg").GetString());
        Assert.Equal(1, completion.GetProperty("processed").GetInt32());
        Assert.Equal(modified, completion.GetProperty("modified").GetInt32());
    }
}
