using Slices.Store;

namespace Slices.Features.Users;

/// <summary>A user as the API returns it, without the password hash.</summary>
public sealed record UserResponse(
    string Id,
    string FullName,
    string Username,
    string PrimaryEmail,
    string PrimaryLocale,
    string Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static UserResponse From(User user) =>
        new(user.Id, user.FullName, user.Username, user.PrimaryEmail, user.PrimaryLocale, user.Role, user.CreatedAt, user.UpdatedAt);
}
