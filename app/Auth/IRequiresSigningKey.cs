namespace Slices.Auth;

/// <summary>
/// Marks an endpoint that issues tokens. A verify-only instance, one without <c>Auth:SigningKeyPath</c>,
/// does not map such endpoints.
/// </summary>
public interface IRequiresSigningKey;
