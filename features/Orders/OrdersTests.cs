using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slices.Auth;
using Slices.Store;
using Slices.Tests;

namespace Slices.Features.Orders;

public sealed class OrdersTests(OrdersTests.Factory factory) : IClassFixture<OrdersTests.Factory>
{
    /// <summary>One app per test class; tests add orders but never depend on the count of another user's orders.</summary>
    public sealed class Factory : AppFactory;

    private static readonly string[] OrderScrub = ["id", "order_date", "created_at", "updated_at"];

    [Fact]
    public async Task Items_list_returns_catalog()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync("/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Item_get_returns_prices()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync($"/items/{DemoData.FoodItemId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_item_is_404()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync("/items/NoSuchItem00");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/items")]
    [InlineData("GET", "/items/" + DemoData.FoodItemId)]
    [InlineData("GET", "/orders/" + DemoData.FirstOrderId)]
    [InlineData("GET", "/users/" + DemoData.JaneId + "/orders")]
    [InlineData("POST", "/orders")]
    public async Task Orders_without_cookie_are_401(string method, string path)
    {
        using var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_as_user_fills_defaults()
    {
        using var client = factory.CreateUserClient();
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostAsJsonAsync("/orders", new { order_items = new[] { new { item_id = DemoData.ConsumerItemId, quantity = 2 } } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var order = json.RootElement;
        Assert.Equal($"/orders/{order.GetProperty("id").GetString()}", response.Headers.Location!.OriginalString);
        Assert.Equal(DemoData.JohnId, order.GetProperty("user_id").GetString());
        Assert.Equal(DemoData.JohnId, order.GetProperty("payer_id").GetString());
        Assert.InRange(order.GetProperty("order_date").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
        Assert.Equal(20m, order.GetProperty("order_items")[0].GetProperty("amount").GetDecimal());
        Snapshots.MatchJson(body, OrderScrub);
    }

    [Fact]
    public async Task Amount_uses_lowest_valid_price()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsJsonAsync("/orders", new
        {
            order_date = "2018-12-01T10:00:00Z",
            order_items = new object[]
            {
                new { item_id = DemoData.ConsumerItemId, quantity = 3 },
                new { item_id = DemoData.FoodItemId, quantity = 10, item_details = new { packaging = "box" } },
                new { item_id = DemoData.FoodItemId, quantity = 1, amount = 0.5m },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lines = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order_items");
        Assert.Equal(26.97m, lines[0].GetProperty("amount").GetDecimal());
        Assert.Equal(16m, lines[1].GetProperty("amount").GetDecimal());
        Assert.Equal("box", lines[1].GetProperty("item_details").GetProperty("packaging").GetString());
        Assert.Equal(0.5m, lines[2].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task No_valid_price_is_400_naming_item()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsJsonAsync("/orders", new
        {
            order_date = "2018-01-15T00:00:00Z",
            order_items = new[] { new { item_id = DemoData.FoodItemId, quantity = 1 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Theory]
    [InlineData(DemoData.JaneId, null)]
    [InlineData(null, DemoData.JaneId)]
    public async Task Create_for_others_as_user_is_403(string? userId, string? payerId)
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsJsonAsync("/orders", new { user_id = userId, payer_id = payerId, order_items = OneLine() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Invalid_order_for_others_is_403()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsJsonAsync("/orders", new { user_id = DemoData.JaneId, order_items = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_orders_for_others_and_payer_sees_it()
    {
        using var admin = factory.CreateAdminClient();
        using var created = await admin.PostAsJsonAsync("/orders", new { user_id = DemoData.JaneId, payer_id = DemoData.JohnId, order_items = OneLine() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        using var john = factory.CreateUserClient();

        using var asPayer = await john.GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, asPayer.StatusCode);
        Assert.Equal(DemoData.JaneId, (await asPayer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user_id").GetString());
    }

    [Theory]
    [InlineData("user_id")]
    [InlineData("payer_id")]
    public async Task Unknown_user_is_400_naming_field(string field)
    {
        using var client = factory.CreateAdminClient();
        var body = new Dictionary<string, object> { [field] = "NoSuchUser00", ["order_items"] = OneLine() };

        using var response = await client.PostAsJsonAsync("/orders", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorNames(response));
    }

    [Theory]
    [InlineData("""{"order_items": []}""", "order_items")]
    [InlineData("""{"user_id": "1Eg6d1aFL8s7", "order_items": [""", "body")]
    [InlineData("""{}""", "order_items")]
    [InlineData("""{"order_items": [{"item_id": "NoSuchItem00", "quantity": 1}]}""", "order_items[0].item_id")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 0}]}""", "order_items[0].quantity")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p"}]}""", "order_items[0].quantity")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1, "amount": -1}]}""", "order_items[0].amount")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1, "item_details": "green"}]}""", "order_items[0].item_details")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1, "item_details": [1]}]}""", "order_items[0].item_details")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1000001}]}""", "order_items[0].quantity")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1, "colour": "green"}]}""", "order_items[0].colour")]
    [InlineData("""{"payer": "1Eg6d1aFL8s7", "order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1}]}""", "payer")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1, "amount": 1.23456}]}""", "order_items[0].amount")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1, "amount": 1000000000.01}]}""", "order_items[0].amount")]
    [InlineData("""{"order_date": "0001-01-01T00:00:00Z", "order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1}]}""", "order_date")]
    [InlineData("""{"order_date": "9999-12-31T23:59:59Z", "order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1}]}""", "order_date")]
    public async Task Invalid_order_is_400_naming_field(string json, string field)
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsync("/orders", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorNames(response));
    }

    [Theory]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": "many"}]}""", "The value of 'order_items[0].quantity' is not of the expected type or format.")]
    [InlineData("""{"order_date": "yesterday", "order_items": [{"item_id": "1GVl21lq0S8p", "quantity": 1}]}""", "The value of 'order_date' is not of the expected type or format.")]
    [InlineData("""{"order_items": {"item_id": "1GVl21lq0S8p"}}""", "The value of 'order_items' is not of the expected type or format.")]
    [InlineData("""{"order_items": [{"item_id": "1GVl21lq0S8p", "quantity": "2"}]}""", "The value of 'order_items[0].quantity' is not of the expected type or format.")]
    [InlineData("""{"order_items": [""", "The request body is not valid JSON at line 1, byte 18. It ends before every object and array is closed.")]
    [InlineData("""{"user_id": """, "The request body is not valid JSON at line 1, byte 13. It ends before every object and array is closed.")]
    [InlineData("""{"order_items": [}""", "The request body is not valid JSON at line 1, byte 18. '}' is an invalid start of a value.")]
    public async Task Malformed_order_json_is_400(string json, string message)
    {
        using var client = factory.CreateUserClient();

        using var response = await client.PostAsync("/orders", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, body);
        Assert.DoesNotContain("System.", body);
    }

    [Fact]
    public async Task Over_100_lines_is_400()
    {
        using var client = factory.CreateUserClient();
        var lines = Enumerable.Range(0, 101).Select(_ => new { item_id = DemoData.ConsumerItemId, quantity = 1 }).ToArray();

        using var response = await client.PostAsJsonAsync("/orders", new { order_items = lines });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["order_items"], await ErrorNames(response));
    }

    [Fact]
    public async Task Others_order_is_404_for_user()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync($"/orders/{DemoData.FirstOrderId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync(), ["trace_id"]);
    }

    [Fact]
    public async Task Admin_reads_any_order()
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync($"/orders/{DemoData.FirstOrderId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshots.MatchJson(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Others_order_list_is_404_for_user()
    {
        using var client = factory.CreateUserClient();

        using var response = await client.GetAsync($"/users/{DemoData.JaneId}/orders");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Parallel_orders_get_distinct_ids()
    {
        using var client = factory.CreateAdminClient();
        var orders = factory.Services.GetRequiredService<OrderStore>();
        var body = new { user_id = DemoData.JaneId, order_items = OneLine() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.PostAsJsonAsync("/orders", body)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async response => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!));
        Assert.Equal(50, ids.Distinct().Count());
        Assert.All(ids, id => Assert.NotNull(orders.FindById(id)));
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task Create_is_logged_with_ids()
    {
        var logger = new CapturingLogger<CreateOrderHandler>();
        var services = factory.Services;
        var handler = new CreateOrderHandler(
            services.GetRequiredService<OrderStore>(), services.GetRequiredService<UserStore>(), services.GetRequiredService<ItemStore>(), TimeProvider.System, logger);
        var input = new CreateOrderInput { UserId = DemoData.JohnId, OrderItems = [new OrderItemInput { ItemId = DemoData.FoodItemId, Quantity = 1 }] };

        var outcome = await handler.ExecuteAsync(new CreateOrderCommand(new Viewer(DemoData.JaneId, Roles.Admin), input), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("Order {OrderId} created for {UserId} by {ActorId}", entry.Template);
        Assert.Equal(outcome.Value!.Id, entry.Properties["OrderId"]);
        Assert.Equal(DemoData.JohnId, entry.Properties["UserId"]);
        Assert.Equal(DemoData.JaneId, entry.Properties["ActorId"]);
    }

    private static object[] OneLine() => [new { item_id = DemoData.ConsumerItemId, quantity = 1 }];

    private static async Task<string[]> ErrorNames(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        return json.RootElement.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("name").GetString()!).ToArray();
    }
}
