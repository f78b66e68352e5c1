using FastEndpoints;
using FluentValidation;
using Slices.Api;

namespace Slices.Features.Orders;

/// <summary>Paging parameters plus the user id from the route; <c>order_by</c> can only be order_date.</summary>
public sealed class ListUserOrdersRequest : PageQuery
{
    public string Id { get; set; } = "";

    [BindFrom("order_by")]
    public string? OrderBy { get; set; }
}

public sealed class ListUserOrdersRequestValidator : Validator<ListUserOrdersRequest>
{
    public ListUserOrdersRequestValidator()
    {
        Include(new PageQueryValidator());
        RuleFor(request => request.OrderBy)
            .Must(orderBy => orderBy is null or "order_date")
            .WithMessage("order_by must be order_date.");
    }
}

/// <summary>Lists a user's orders, newest first unless <c>direction=asc</c>.</summary>
public sealed class ListUserOrdersEndpoint : OutcomeEndpoint<ListUserOrdersRequest, PageResponse<OrderResponse>>
{
    public override void Configure()
    {
        Get("/users/{id}/orders");
        Description(endpoint => endpoint.ProducesProblemDetails(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ListUserOrdersRequest request, CancellationToken cancellation)
    {
        var command = new ListUserOrdersCommand(Viewer, request.Id, request.ToPageRequest(descendingByDefault: true));

        var outcome = await command.ExecuteAsync(cancellation);
        await SendOkOrFailureAsync(
            outcome,
            page => new PageResponse<OrderResponse>(page.Nodes.Select(OrderResponse.From).ToArray(), page.PageInfo),
            $"User '{request.Id}' was not found.",
            cancellation);
    }
}
