using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Slices.Auth;
using Slices.Features.Orders;
using Slices.Store;

// Measures keyset paging over one user's orders: the median time of the first, a middle and the last page
// of ten through the handler behind GET /users/{id}/orders, and the resident memory with that data.
// Prints markdown rows for bench/run.sh. Usage: Slices.Bench.Paging [--orders N] [--samples N]
var orderCount = ReadOption(args, "--orders", 1_000_000);
var sampleCount = ReadOption(args, "--samples", 201);
const int PageSize = 10;
const int CallsPerSample = 100;

var residentBytesEmpty = ResidentBytesAfterCollection();

var ids = new RandomIdGenerator();
var users = new UserStore(ids);
var items = new ItemStore();
var orders = new OrderStore(users, items, ids);
var (userId, loadTime) = Load(users, items, orders, orderCount);

var residentBytesLoaded = ResidentBytesAfterCollection();

var handler = new ListUserOrdersHandler(orders, users, NullLogger<ListUserOrdersHandler>.Instance);
var viewer = new Viewer(userId, Roles.User);
var index = orders.IndexOfUser(userId);

// The REST list is newest first, so position p of a page is index[count - 1 - p]. A cursor points at the row
// before the page: the middle page starts at the middle row, and the last page contains the last ten rows.
string CursorAt(int position) => KeysetPaging.CursorOf(index[index.Count - 1 - position], ListUserOrdersHandler.ListName(userId), descending: true);

var pages = new (string Name, PageRequest Request)[]
{
    ("first", new PageRequest(First: PageSize, Descending: true)),
    ("middle", new PageRequest(First: PageSize, After: CursorAt(orderCount / 2 - 1), Descending: true)),
    ("last", new PageRequest(First: PageSize, After: CursorAt(orderCount - PageSize - 1), Descending: true)),
};

foreach (var (name, request) in pages)
    CheckPage(name, ReadPage(request), expectNextPage: name != "last");

// Warm-up, so the JIT has compiled the paging path at its final tier before any sample counts.
for (var call = 0; call < 2_000; call++)
{
    foreach (var (_, request) in pages)
        ReadPage(request);
}

var samples = pages.Select(_ => new double[sampleCount]).ToArray();
for (var sample = 0; sample < sampleCount; sample++)
{
    // The page kinds take turns, so a burst of noise from other processes hits all three alike.
    for (var kind = 0; kind < pages.Length; kind++)
    {
        var started = Stopwatch.GetTimestamp();
        for (var call = 0; call < CallsPerSample; call++)
            ReadPage(pages[kind].Request);

        samples[kind][sample] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / CallsPerSample;
    }
}

var medians = samples.Select(Median).ToArray();
var invariant = CultureInfo.InvariantCulture;

Console.WriteLine(string.Create(invariant, $"| orders of one user | {orderCount:N0} (inserted in {loadTime.TotalSeconds:0.0} s) |"));
for (var kind = 0; kind < pages.Length; kind++)
    Console.WriteLine(string.Create(invariant, $"| {pages[kind].Name} page of {PageSize}, median of {sampleCount} x {CallsPerSample} calls | {medians[kind]:0.00} µs |"));

Console.WriteLine(string.Create(invariant, $"| last page / first page | {medians[2] / medians[0]:0.00} |"));
Console.WriteLine(string.Create(invariant, $"| middle page / first page | {medians[1] / medians[0]:0.00} |"));
Console.WriteLine(string.Create(invariant, $"| resident memory (RSS) before loading / with the orders | {residentBytesEmpty / 1048576.0:0} MiB / {residentBytesLoaded / 1048576.0:0} MiB |"));
Console.WriteLine(string.Create(invariant, $"PAGING last_over_first={medians[2] / medians[0]:0.000}"));

return;

Page<Order> ReadPage(PageRequest request)
{
    var outcome = handler.ExecuteAsync(new ListUserOrdersCommand(viewer, userId, request), CancellationToken.None).GetAwaiter().GetResult();

    return outcome.Value ?? throw new InvalidOperationException($"The page request {request} failed: {outcome.Status}.");
}

static void CheckPage(string name, Page<Order> page, bool expectNextPage)
{
    if (page.Edges.Length != PageSize || page.PageInfo.HasNextPage != expectNextPage)
        throw new InvalidOperationException($"The {name} page has {page.Edges.Length} rows and hasNextPage {page.PageInfo.HasNextPage}; expected {PageSize} and {expectNextPage}.");
}

static (string UserId, TimeSpan LoadTime) Load(UserStore users, ItemStore items, OrderStore orders, int orderCount)
{
    var started = Stopwatch.GetTimestamp();
    var createdAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    var user = users.Insert(new User("", "Bench User", "bench01", "bench01@example.com", "en", Roles.User, "not-a-hash", createdAt, createdAt)).Stored!;
    var item = items.Insert(new Item("benchItem001", "Bench Item", "Consumer", null, [new ItemPrice(10m, ItemPrice.DefaultDiscountSchema, createdAt, null)])).Stored!;
    ImmutableArray<OrderItem> lines = [new OrderItem(item.Id, 1, 10m, null)];

    // One order a minute. Ids break no ties here, but the store generates each one as it does for a request.
    for (var number = 0; number < orderCount; number++)
    {
        var orderDate = createdAt.AddMinutes(number);
        var stored = orders.Insert(new Order("", user.Id, user.Id, orderDate, lines, orderDate, orderDate));
        if (stored.Stored is null)
            throw new InvalidOperationException($"Order {number} was not stored: {stored.ConflictField} conflicts.");
    }

    return (user.Id, Stopwatch.GetElapsedTime(started));
}

static long ResidentBytesAfterCollection()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();

    // On Linux the working set is the resident set size (VmRSS).
    return Environment.WorkingSet;
}

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();

    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static int ReadOption(string[] arguments, string name, int fallback)
{
    var position = Array.IndexOf(arguments, name);
    if (position < 0)
        return fallback;

    if (position + 1 >= arguments.Length || !int.TryParse(arguments[position + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        throw new ArgumentException($"{name} needs a positive whole number.");

    return value;
}
