using Slices.Auth;
using Slices.Store;

namespace Slices.Tests;

/// <summary>Clients that act as the demo users, with tokens signed by the test key instead of a login round trip.</summary>
public static class DemoClients
{
    public static HttpClient CreateAdminClient(this AppFactory factory) =>
        factory.CreateClientWithToken(TestTokens.Create(DemoData.JaneId, "jane01", Roles.Admin));

    public static HttpClient CreateUserClient(this AppFactory factory) =>
        factory.CreateClientWithToken(TestTokens.Create(DemoData.JohnId, "john01", Roles.User));

    /// <summary>Returns a unique username, so tests that create users never collide.</summary>
    public static string UniqueUsername(string prefix = "user") => $"{prefix}_{Guid.NewGuid():N}"[..24];
}
