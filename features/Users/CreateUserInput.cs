using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Slices.Auth;

namespace Slices.Features.Users;

/// <summary>Fields of a new user, from the REST body or a GraphQL mutation.</summary>
public sealed class CreateUserInput
{
    public string? FullName { get; set; }

    public string? Username { get; set; }

    public string? PrimaryEmail { get; set; }

    /// <summary>A .NET culture name such as <c>en</c> or <c>de-CH</c>; <c>en</c> when absent.</summary>
    public string? PrimaryLocale { get; set; }

    public string? Password { get; set; }

    /// <summary><c>user</c> or <c>admin</c>; <c>user</c> when absent.</summary>
    public string? Role { get; set; }
}

/// <summary>Rules for a new user. The endpoint runs them before the handler, and the handler runs them again for callers that skip the endpoint.</summary>
public sealed class CreateUserInputValidator : Validator<CreateUserInput>
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    public CreateUserInputValidator()
    {
        RuleFor(input => input.FullName)
            .NotEmpty().WithMessage("full_name is required.")
            .MaximumLength(200).WithMessage("full_name must be at most 200 characters.");

        RuleFor(input => input.Username)
            .NotEmpty().WithMessage("username is required.")
            .Length(3, 32).WithMessage("username must be 3 to 32 characters.")
            .Matches("^[A-Za-z0-9_.-]*$").WithMessage("username may contain only letters A-Z and a-z, digits, '_', '.' and '-'.");

        RuleFor(input => input.PrimaryEmail)
            .NotEmpty().WithMessage("primary_email is required.")
            .MaximumLength(254).WithMessage("primary_email must be at most 254 characters.")
            .Matches(@"^[^@\s]+@[^@\s]+$").WithMessage("primary_email must be an email address such as name@example.com, without spaces.");

        RuleFor(input => input.PrimaryLocale)
            .Must(IsKnownCulture!).When(input => input.PrimaryLocale is not null)
            .WithMessage("primary_locale must be a known culture name such as en or de-CH.");

        RuleFor(input => input.Password)
            .NotEmpty().WithMessage("password is required.")
            .Length(MinPasswordLength, MaxPasswordLength).WithMessage($"password must be {MinPasswordLength} to {MaxPasswordLength} characters.");

        RuleFor(input => input.Role)
            .Must(role => role is null or Roles.User or Roles.Admin)
            .WithMessage("role must be user or admin.");
    }

    private static bool IsKnownCulture(string name)
    {
        // The invariant culture has an empty name, which is no locale.
        if (string.IsNullOrWhiteSpace(name))
            return false;

        try
        {
            CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
