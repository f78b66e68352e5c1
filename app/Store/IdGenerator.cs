using System.Security.Cryptography;

namespace Slices.Store;

/// <summary>Creates record ids.</summary>
public interface IIdGenerator
{
    string NewId();
}

/// <summary>Creates 12-character URL-safe random ids: 72 bits of entropy from the system's cryptographic generator.</summary>
public sealed class RandomIdGenerator : IIdGenerator
{
    public const int Length = 12;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public string NewId() => RandomNumberGenerator.GetString(Alphabet, Length);
}
