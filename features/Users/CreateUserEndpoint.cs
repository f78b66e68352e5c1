using FastEndpoints;
using Slices.Api;

namespace Slices.Features.Users;

/// <summary>Creates a user (admins only) and returns it with its Location.</summary>
public sealed class CreateUserEndpoint : OutcomeEndpoint<CreateUserInput, UserResponse>
{
    public override void Configure() => Post("/users");

    public override async Task HandleAsync(CreateUserInput request, CancellationToken cancellation)
    {
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
