using FastEndpoints;
using FluentValidation;
using Slices.Api;

namespace Slices.Features.Users;

/// <summary>Paging parameters plus <c>order_by</c>: full_name (default), username or created_at.</summary>
public sealed class ListUsersRequest : PageQuery
{
    [BindFrom("order_by")]
    public string? OrderBy { get; set; }
}

public sealed class ListUsersRequestValidator : Validator<ListUsersRequest>
{
    public ListUsersRequestValidator()
    {
        Include(new PageQueryValidator());
        RuleFor(request => request.OrderBy)
            .Must(orderBy => orderBy is null || UserSortFields.ByName.ContainsKey(orderBy))
            .WithMessage("order_by must be full_name, username or created_at.");
    }
}

/// <summary>Lists users for admins, page by page in the chosen order.</summary>
public sealed class ListUsersEndpoint : OutcomeEndpoint<ListUsersRequest, PageResponse<UserResponse>>
{
    public override void Configure()
    {
        Get("/users");
        Description(endpoint => endpoint.ProducesProblemDetails(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(ListUsersRequest request, CancellationToken cancellation)
    {
        var orderBy = UserSortFields.ByName[request.OrderBy ?? "full_name"];
        var command = new ListUsersCommand(Viewer, request.ToPageRequest(descendingByDefault: false), orderBy);

        var outcome = await command.ExecuteAsync(cancellation);
        await SendOkOrFailureAsync(
            outcome,
            page => new PageResponse<UserResponse>(page.Nodes.Select(UserResponse.From).ToArray(), page.PageInfo),
            "Only admins can list users.",
            cancellation);
    }
}
