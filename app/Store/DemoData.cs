using System.Collections.Immutable;
using System.Text.Json;
using Slices.Auth;

namespace Slices.Store;

/// <summary>The users, items and orders of the original course demo, with its ids, loaded when <c>Store:SeedDemoData</c> is true.</summary>
public sealed class DemoData(UserStore users, ItemStore items, OrderStore orders, Passwords passwords, ILogger<DemoData> logger)
{
    public const string JaneId = "1E4Yo11Y3r9a";
    public const string JohnId = "1Eg6d1aFL8s7";
    public const string ConsumerItemId = "1GVl21lq0S8p";
    public const string FoodItemId = "1HEOx6FnC7cM";
    public const string FirstOrderId = "1UtNnZBYUHDx";
    public const string SecondOrderId = "1VdJc8rKq2Xe";

    /// <summary>Demo passwords; the README lists them too.</summary>
    public const string JanePassword = "jane01-demo";
    public const string JohnPassword = "john01-demo";

    private static readonly DateTimeOffset UsersCreatedAt = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PricesValidFrom = new(2018, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public void Load()
    {
        Require(users.Insert(NewUser(JaneId, "Jane Doe", "jane01", "jd@example.com", Roles.Admin, JanePassword)));
        Require(users.Insert(NewUser(JohnId, "John Public", "john01", "jp@example.com", Roles.User, JohnPassword)));

        Require(items.Insert(new Item(
            ConsumerItemId,
            "Sample Consumer Item",
            "Consumer",
            Json("""{"weight_lb": 1.3, "color": "green"}"""),
            [
                new ItemPrice(10m, "Volume", PricesValidFrom, null),
                new ItemPrice(8.99m, "Prepayment", PricesValidFrom, Utc(2019, 1, 1)),
            ])));

        Require(items.Insert(new Item(
            FoodItemId,
            "Sample Food Item",
            "Food",
            Json("""{"shelf_life_mo": 3, "weight_lb": 0.41, "packaging": "vacuum"}"""),
            [
                new ItemPrice(2m, "Volume", PricesValidFrom, null),
                new ItemPrice(1.6m, "Seasonal", Utc(2018, 11, 1), Utc(2019, 1, 1)),
            ])));

        Require(orders.Insert(NewOrder(
            FirstOrderId,
            Utc(2018, 1, 1, 8),
            [
                new OrderItem(FoodItemId, 5, 10.13m, Json("""{"packaging": "frozen-pack", "special_handling": {"before_shipping": "freeze", "in_transit": "refrigerate"}}""")),
                new OrderItem(ConsumerItemId, 2, 15.99m, Json("""{"color": "black"}""")),
            ])));

        Require(orders.Insert(NewOrder(
            SecondOrderId,
            Utc(2018, 2, 1, 8),
            [
                new OrderItem(FoodItemId, 10, 20.26m, null),
                new OrderItem(ConsumerItemId, 3, 22.80m, Json("""{"color": "yellow"}""")),
            ])));

        logger.LogInformation(
            "Loaded demo data: {UserCount} users, {ItemCount} items, {OrderCount} orders",
            users.Count,
            items.All().Count,
            orders.Count);
    }

    private User NewUser(string id, string fullName, string username, string email, string role, string password) =>
        new(id, fullName, username, email, "en", role, passwords.Hash(password), UsersCreatedAt, UsersCreatedAt);

    private static Order NewOrder(string id, DateTimeOffset orderDate, ImmutableArray<OrderItem> orderItems) =>
        new(id, JaneId, JaneId, orderDate, orderItems, orderDate, orderDate);

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);

        return document.RootElement.Clone();
    }

    private static void Require<T>(InsertResult<T> result)
        where T : class
    {
        if (result.Stored is null)
            throw new InvalidOperationException($"Demo data could not be loaded: the {result.ConflictField} of a demo record is taken or missing.");
    }
}
