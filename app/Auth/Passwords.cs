using Microsoft.AspNetCore.Identity;

namespace Slices.Auth;

/// <summary>Hashes and verifies passwords with ASP.NET Core Identity's PBKDF2 <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<Passwords> hasher = new();
    private readonly string unknownUserHash;

    public Passwords()
    {
        unknownUserHash = Hash(Guid.NewGuid().ToString("N"));
    }

    public string Hash(string password) => hasher.HashPassword(this, password);

    /// <summary>
    /// Verifies <paramref name="password"/> against <paramref name="hash"/>. With a null hash (unknown user) it
    /// verifies against a random hash and fails, so that an unknown username costs the same work as a known one.
    /// </summary>
    public bool Verify(string? hash, string password)
    {
        var result = hasher.VerifyHashedPassword(this, hash ?? unknownUserHash, password);

        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
