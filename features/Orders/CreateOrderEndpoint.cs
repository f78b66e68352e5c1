using FastEndpoints;
using Slices.Api;

namespace Slices.Features.Orders;

/// <summary>Places an order and returns it with its Location.</summary>
public sealed class CreateOrderEndpoint : OutcomeEndpoint<CreateOrderInput, OrderResponse>
{
    public override void Configure()
    {
        Post("/orders");
        Description(endpoint => endpoint
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .ProducesProblemDetails(StatusCodes.Status403Forbidden));

        // The handler runs the same rules after its permission check, so a viewer without permission gets 403, not 400.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(CreateOrderInput request, CancellationToken cancellation)
    {
        if (BodyIsInvalidJson)
        {
            await Send.ErrorsAsync(StatusCodes.Status400BadRequest, cancellation);
            return;
        }

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
