using FastEndpoints;
using Slices.Api;

namespace Slices.Features.Orders;

/// <summary>Places an order and returns it with its Location.</summary>
public sealed class CreateOrderEndpoint : OutcomeEndpoint<CreateOrderInput, OrderResponse>
{
    public override void Configure() => Post("/orders");

    public override async Task HandleAsync(CreateOrderInput request, CancellationToken cancellation)
    {
        var outcome = await new CreateOrderCommand(Viewer, request).ExecuteAsync(cancellation);
        if (outcome.Value is not { } order)
        {
            await SendFailureAsync(outcome, "A user can order only for and as themselves; only admins order for others.", cancellation);
            return;
        }

        HttpContext.Response.Headers.Location = $"/orders/{order.Id}";

        await Send.ResponseAsync(OrderResponse.From(order), StatusCodes.Status201Created, cancellation);
    }
}
