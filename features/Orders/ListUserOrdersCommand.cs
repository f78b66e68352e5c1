using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders;

/// <summary>
/// Lists the orders placed for a user, page by page by (order_date, id). A user lists only their own
/// orders and an admin anyone's; another user's list is not found. A <paramref name="Filter"/> keeps only the
/// orders it accepts.
/// </summary>
public sealed record ListUserOrdersCommand(Viewer Viewer, string UserId, PageRequest Page, Func<Order, bool>? Filter = null)
    : ICommand<Outcome<Page<Order>>>;

public sealed class ListUserOrdersHandler(OrderStore orders, UserStore users, ILogger<ListUserOrdersHandler> logger)
    : ICommandHandler<ListUserOrdersCommand, Outcome<Page<Order>>>
{
    /// <summary>Returns the name recorded in the cursors of a user's orders, so that cursors of other lists, another user's included, are rejected.</summary>
    public static string ListName(string userId) => $"user_orders.{userId}";

    public Task<Outcome<Page<Order>>> ExecuteAsync(ListUserOrdersCommand command, CancellationToken cancellation) =>
        Task.FromResult(Execute(command));

    private Outcome<Page<Order>> Execute(ListUserOrdersCommand command)
    {
        if (!command.Viewer.CanSee(command.UserId))
        {
            logger.LogInformation("Orders of {UserId} hidden from {ActorId}: not their own", command.UserId, command.Viewer.UserId);
            return Outcome<Page<Order>>.NotFound();
        }

        if (users.FindById(command.UserId) is null)
        {
            logger.LogInformation("Orders of {UserId} requested by {ActorId}: user not found", command.UserId, command.Viewer.UserId);
            return Outcome<Page<Order>>.NotFound();
        }

        var query = KeysetPaging.Validate<TimeKey>(command.Page, ListName(command.UserId));
        if (!query.IsValid)
            return Outcome<Page<Order>>.Invalid(query.Failures);

        // Orders are never deleted, so every id in an index has its record.
        var page = KeysetPaging.Read(
            orders.IndexOfUser(command.UserId),
            query,
            key => orders.FindById(key.Id) ?? throw new InvalidOperationException($"Order {key.Id} is indexed but not stored."),
            command.Filter);

        return Outcome<Page<Order>>.Success(page);
    }
}
