using System.Security.Claims;

namespace Slices.Auth;

/// <summary>
/// The user a request acts for, read from the token's claims. Handlers take it explicitly, so REST
/// endpoints and GraphQL resolvers apply the same rules.
/// </summary>
public sealed record Viewer(string UserId, string Role)
{
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Returns true when the viewer is <paramref name="userId"/> or an admin.</summary>
    public bool CanSee(string userId) => IsAdmin || UserId == userId;

    /// <summary>Reads the viewer from an authenticated principal; a missing claim becomes an empty string, which matches no user.</summary>
    public static Viewer From(ClaimsPrincipal principal) =>
        new(principal.FindFirstValue(SlicesClaims.UserId) ?? "", principal.FindFirstValue(SlicesClaims.Role) ?? "");
}
