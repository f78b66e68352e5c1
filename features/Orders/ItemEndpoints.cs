using FastEndpoints;
using Slices.Api;

namespace Slices.Features.Orders;

public sealed class GetItemRequest
{
    public string Id { get; set; } = "";
}

/// <summary>Returns the catalog with prices and their validity dates.</summary>
public sealed class ListItemsEndpoint : OutcomeEndpoint<EmptyRequest, IReadOnlyList<ItemResponse>>
{
    public override void Configure() => Get("/items");

    public override async Task HandleAsync(EmptyRequest request, CancellationToken cancellation)
    {
        var items = await new ListItemsCommand(Viewer).ExecuteAsync(cancellation);

        await Send.OkAsync(items.Select(ItemResponse.From).ToArray(), cancellation);
    }
}

/// <summary>Returns one catalog item.</summary>
public sealed class GetItemEndpoint : OutcomeEndpoint<GetItemRequest, ItemResponse>
{
    public override void Configure()
    {
        Get("/items/{id}");
        Description(endpoint => endpoint.ProducesProblemDetails(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(GetItemRequest request, CancellationToken cancellation)
    {
        var outcome = await new GetItemCommand(Viewer, request.Id).ExecuteAsync(cancellation);
        await SendOkOrFailureAsync(outcome, ItemResponse.From, $"Item '{request.Id}' was not found.", cancellation);
    }
}
