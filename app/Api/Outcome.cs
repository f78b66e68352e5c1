using System.Collections.Immutable;
using FluentValidation.Results;

namespace Slices.Api;

/// <summary>How a handler finished; adapters map it to an HTTP status or a GraphQL error code.</summary>
public enum OutcomeStatus
{
    Succeeded,

    /// <summary>The record does not exist, or exists but the viewer may not see it; callers cannot tell which.</summary>
    NotFound,

    /// <summary>The viewer may see the resource but not perform the action.</summary>
    Forbidden,

    /// <summary>A unique value is taken; <see cref="Outcome{T}.Failures"/> names the field.</summary>
    Conflict,

    /// <summary>The input breaks a rule; <see cref="Outcome{T}.Failures"/> lists each field and why.</summary>
    Invalid,
}

/// <summary>Result of a handler: the value on success, otherwise the status and, for conflicts and invalid input, the failures by field.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, ImmutableArray<ValidationFailure> Failures)
    where T : class
{
    public static Outcome<T> Success(T value) => new(OutcomeStatus.Succeeded, value, []);

    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, null, []);

    public static Outcome<T> Forbidden() => new(OutcomeStatus.Forbidden, null, []);

    public static Outcome<T> Conflict(string field, string message) =>
        new(OutcomeStatus.Conflict, null, [new ValidationFailure(field, message)]);

    public static Outcome<T> Invalid(IEnumerable<ValidationFailure> failures) =>
        new(OutcomeStatus.Invalid, null, [.. failures]);

    public static Outcome<T> Invalid(string field, string message) =>
        new(OutcomeStatus.Invalid, null, [new ValidationFailure(field, message)]);
}
