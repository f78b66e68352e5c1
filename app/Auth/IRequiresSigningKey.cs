namespace Slices.Auth;

/// <summary>
/// Marks an endpoint that issues tokens. A verify-only instance, one without <c>Auth:SigningKeyPath</c>,
/// returns 404 for such endpoints.
/// </summary>
public interface IRequiresSigningKey;
