using System.Collections.Immutable;
using FluentValidation.Results;
using GraphQL;
using Slices.Api;

namespace Slices.Features.GraphQL;

/// <summary>
/// Turns a handler's outcome into a resolver's result: the value on success, otherwise a GraphQL error whose
/// <c>extensions.code</c> gives the reason, the way REST turns it into a status.
/// </summary>
public static class GraphOutcomes
{
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Conflict = "CONFLICT";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string InvalidPaging = "INVALID_PAGING";
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>
    /// Returns the value, or raises the error for the outcome, with <paramref name="notFoundMessage"/> for a missing or
    /// hidden record and <paramref name="forbiddenMessage"/> for an action the viewer's role does not allow.
    /// </summary>
    public static T ValueOrError<T>(this Outcome<T> outcome, string notFoundMessage, string forbiddenMessage = "Your role does not allow this.")
        where T : class =>
        outcome.Status switch
        {
            OutcomeStatus.Succeeded => outcome.Value!,
            OutcomeStatus.NotFound => throw new ExecutionError(notFoundMessage) { Code = NotFound },
            OutcomeStatus.Forbidden => throw new ExecutionError(forbiddenMessage) { Code = Forbidden },
            OutcomeStatus.Conflict => throw new ExecutionError(Describe(outcome.Failures)) { Code = Conflict },
            _ => throw InvalidInput(outcome.Failures),
        };

    /// <summary>Returns the value, or null when the record is missing or hidden; any other failure is an error.</summary>
    public static T? ValueOrNull<T>(this Outcome<T> outcome)
        where T : class =>
        outcome.Status == OutcomeStatus.NotFound ? null : outcome.ValueOrError("");

    /// <summary>
    /// The error for invalid input. Paging failures get their own codes: <c>INVALID_PAGING</c> for <c>first</c> and
    /// <c>last</c>, <c>INVALID_CURSOR</c> for <c>after</c> and <c>before</c>.
    /// </summary>
    public static ExecutionError InvalidInput(ImmutableArray<ValidationFailure> failures)
    {
        var field = failures.IsEmpty ? "" : failures[0].PropertyName;
        var code = field switch
        {
            "first" or "last" => InvalidPaging,
            "after" or "before" => InvalidCursor,
            _ => InvalidArgument,
        };

        return new ExecutionError(Describe(failures)) { Code = code };
    }

    /// <summary>
    /// Joins the failures' messages. A message that does not start with its field's name, such as the quantity rule of
    /// the second order line, gets the field's path first: <c>order_items[1].quantity: quantity must be ...</c>.
    /// </summary>
    public static string Describe(ImmutableArray<ValidationFailure> failures) =>
        string.Join(" ", failures.Select(failure =>
            string.IsNullOrEmpty(failure.PropertyName) || failure.ErrorMessage.StartsWith(failure.PropertyName, StringComparison.Ordinal)
                ? failure.ErrorMessage
                : $"{failure.PropertyName}: {failure.ErrorMessage}"));
}
