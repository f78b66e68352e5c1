using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;
using Order = Slices.Store.Order;

namespace Slices.Features.Orders;

/// <summary>Reads one order. Its user, its payer and admins may see it; for anyone else it is not found.</summary>
public sealed record GetOrderCommand(Viewer Viewer, string OrderId) : ICommand<Outcome<Order>>;

public sealed class GetOrderHandler(OrderStore orders, ILogger<GetOrderHandler> logger) : ICommandHandler<GetOrderCommand, Outcome<Order>>
{
    public Task<Outcome<Order>> ExecuteAsync(GetOrderCommand command, CancellationToken cancellation)
    {
        var order = orders.FindById(command.OrderId);
        if (order is null)
        {
            logger.LogInformation("Order {OrderId} requested by {ActorId} not found", command.OrderId, command.Viewer.UserId);
            return Task.FromResult(Outcome<Order>.NotFound());
        }

        if (!command.Viewer.CanSee(order.UserId) && command.Viewer.UserId != order.PayerId)
        {
            logger.LogInformation("Order {OrderId} hidden from {ActorId}: neither its user nor its payer", order.Id, command.Viewer.UserId);
            return Task.FromResult(Outcome<Order>.NotFound());
        }

        return Task.FromResult(Outcome<Order>.Success(order));
    }
}

public sealed class GetOrderRequest
{
    public string Id { get; set; } = "";
}

/// <summary>Returns an order to its user, its payer or an admin.</summary>
public sealed class GetOrderEndpoint : OutcomeEndpoint<GetOrderRequest, OrderResponse>
{
    public override void Configure()
    {
        Get("/orders/{id}");
        Description(endpoint => endpoint.ProducesProblemDetails(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(GetOrderRequest request, CancellationToken cancellation)
    {
        var outcome = await new GetOrderCommand(Viewer, request.Id).ExecuteAsync(cancellation);
        await SendOkOrFailureAsync(outcome, OrderResponse.From, $"Order '{request.Id}' was not found.", cancellation);
    }
}
