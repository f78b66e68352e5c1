using System.Security.Claims;

namespace Slices.Auth;

/// <summary>
/// The user a request acts for, read from the token's claims alone. Handlers take it explicitly, so REST
/// endpoints and GraphQL resolvers apply the same rules.
/// </summary>
public sealed record Viewer(string UserId, string Role)
{
    /// <summary>The username the token was issued for.</summary>
    public string Username { get; init; } = "";

    /// <summary>The user's primary locale when the token was issued.</summary>
    public string Locale { get; init; } = "";

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Returns true when the viewer is <paramref name="userId"/> or an admin.</summary>
    public bool CanSee(string userId) => IsAdmin || UserId == userId;

    /// <summary>Reads the viewer from an authenticated principal; a missing claim becomes an empty string, which matches no user.</summary>
    public static Viewer From(ClaimsPrincipal principal) =>
        new(principal.FindFirstValue(SlicesClaims.UserId) ?? "", principal.FindFirstValue(SlicesClaims.Role) ?? "")
        {
            Username = principal.FindFirstValue(SlicesClaims.Username) ?? "",
            Locale = principal.FindFirstValue(SlicesClaims.Locale) ?? "",
        };

    /// <summary>Reads the viewer, or returns null when the principal has no user id, as for a request without a token.</summary>
    public static Viewer? TryFrom(ClaimsPrincipal principal) =>
        string.IsNullOrEmpty(principal.FindFirstValue(SlicesClaims.UserId)) ? null : From(principal);
}
