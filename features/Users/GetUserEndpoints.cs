using FastEndpoints;
using Slices.Api;

namespace Slices.Features.Users;

public sealed class GetUserRequest
{
    public string Id { get; set; } = "";
}

/// <summary>Returns a user to themselves or to an admin; for anyone else the user does not exist.</summary>
public sealed class GetUserEndpoint : OutcomeEndpoint<GetUserRequest, UserResponse>
{
    public override void Configure()
    {
        Get("/users/{id}");
        Description(endpoint => endpoint.ProducesProblemDetails(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(GetUserRequest request, CancellationToken cancellation)
    {
        var outcome = await new GetUserCommand(Viewer, request.Id).ExecuteAsync(cancellation);
        await SendOkOrFailureAsync(outcome, UserResponse.From, $"User '{request.Id}' was not found.", cancellation);
    }
}

/// <summary>Returns the stored profile of the logged-in user; 404 when the token's user no longer exists.</summary>
public sealed class GetViewerEndpoint : OutcomeEndpoint<EmptyRequest, UserResponse>
{
    public override void Configure()
    {
        Get("/users/me");
        Description(endpoint => endpoint.ProducesProblemDetails(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EmptyRequest request, CancellationToken cancellation)
    {
        var viewer = Viewer;
        var outcome = await new GetUserCommand(viewer, viewer.UserId).ExecuteAsync(cancellation);
        await SendOkOrFailureAsync(outcome, UserResponse.From, "The logged-in user no longer exists.", cancellation);
    }
}
