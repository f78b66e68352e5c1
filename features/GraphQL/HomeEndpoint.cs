using FastEndpoints;

namespace Slices.Features.GraphQL;

/// <summary>
/// Sends a visitor of the site root to GraphiQL, the API's page for people. Without a cookie the login
/// redirect of /graph takes over and brings them back after logging in.
/// </summary>
public sealed class HomeEndpoint : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/");
        AllowAnonymous();

        // A redirect for people, so the OpenAPI document leaves it out.
        Description(endpoint => endpoint.ExcludeFromDescription());
    }

    public override Task HandleAsync(CancellationToken cancellation) => Send.RedirectAsync("/graph");
}
