using System.Security.Claims;
using GraphQL;
using Slices.Auth;

namespace Slices.Features.GraphQL;

/// <summary>The logged-in user as the token's claims describe them, without a read of the user table.</summary>
public sealed record Viewer(string Id, string Username, string Locale, string Role)
{
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Returns the viewer of an authenticated principal, or null when the token lacks the user id.</summary>
    public static Viewer? FromClaims(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(SlicesClaims.UserId);
        if (string.IsNullOrEmpty(id))
            return null;

        return new Viewer(
            id,
            principal.FindFirstValue(SlicesClaims.Username) ?? "",
            principal.FindFirstValue(SlicesClaims.Locale) ?? "",
            principal.FindFirstValue(SlicesClaims.Role) ?? "");
    }
}

/// <summary>The user context of one GraphQL request: the viewer, for resolvers that call handlers on their behalf.</summary>
public sealed class GraphUserContext(Viewer viewer) : Dictionary<string, object?>
{
    public Viewer Viewer { get; } = viewer;
}

public static class ResolveFieldContextExtensions
{
    /// <summary>Returns the viewer of the request that is being resolved.</summary>
    public static Viewer Viewer(this IResolveFieldContext context) =>
        context.UserContext is GraphUserContext userContext
            ? userContext.Viewer
            : throw new InvalidOperationException("The GraphQL request has no viewer; execute it through the /graph endpoint.");
}
