using GraphQL;
using Slices.Auth;

namespace Slices.Features.GraphQL;

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
