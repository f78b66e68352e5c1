namespace Slices.Auth;

/// <summary>Claim names of a Slices token. They are the registered JWT names, read without remapping.</summary>
public static class SlicesClaims
{
    public const string UserId = "sub";
    public const string Username = "name";
    public const string Locale = "locale";
    public const string Role = "role";
    public const string TokenId = "jti";
}

/// <summary>Roles a user can have; the <c>role</c> claim contains one of them.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";
}
