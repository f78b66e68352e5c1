using FastEndpoints;
using FastEndpoints.Swagger;
using Slices.Auth;

namespace Slices.Features.Login;

/// <summary>The viewer as the token describes them.</summary>
public sealed record MeResponse(string Id, string Username, string Locale, string Role);

/// <summary>Returns the viewer from the token's claims alone, without reading the user table.</summary>
public sealed class MeEndpoint : EndpointWithoutRequest<MeResponse>
{
    public override void Configure()
    {
        Get("/me");
        Description(endpoint => endpoint.AutoTagOverride("Login"));
    }

    public override async Task HandleAsync(CancellationToken cancellation)
    {
        var viewer = Viewer.From(User);

        await Send.OkAsync(new MeResponse(viewer.UserId, viewer.Username, viewer.Locale, viewer.Role), cancellation);
    }
}
