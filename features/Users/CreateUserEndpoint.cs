using FastEndpoints;
using Slices.Api;

namespace Slices.Features.Users;

/// <summary>Creates a user (admins only) and returns it with its Location.</summary>
public sealed class CreateUserEndpoint : OutcomeEndpoint<CreateUserInput, UserResponse>
{
    public override void Configure()
    {
        Post("/users");
        Description(endpoint => endpoint
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<UserResponse>(StatusCodes.Status201Created)
            .ProducesProblemDetails(StatusCodes.Status403Forbidden)
            .ProducesProblemDetails(StatusCodes.Status409Conflict));

        // The handler runs the same rules after its permission check, so a viewer without permission gets 403, not 400.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(CreateUserInput request, CancellationToken cancellation)
    {
        if (BodyIsInvalidJson)
        {
            await Send.ErrorsAsync(StatusCodes.Status400BadRequest, cancellation);
            return;
        }

        var outcome = await new CreateUserCommand(Viewer, request).ExecuteAsync(cancellation);
        if (outcome.Value is not { } user)
        {
            await SendFailureAsync(outcome, "Only admins can create users.", cancellation);
            return;
        }

        HttpContext.Response.Headers.Location = $"/users/{user.Id}";

        await Send.ResponseAsync(UserResponse.From(user), StatusCodes.Status201Created, cancellation);
    }
}
