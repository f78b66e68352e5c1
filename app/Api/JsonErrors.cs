using System.Text.Json;
using FluentValidation.Results;

namespace Slices.Api;

/// <summary>Turns a JSON deserialization error into a validation failure that names the field, without .NET type names.</summary>
internal static class JsonErrors
{
    public static ValidationFailure ToValidationFailure(JsonException exception)
    {
        var path = exception.Path;
        var field = string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

        // System.Text.Json reports a value of the wrong JSON type as "could not be converted". It reports a field that
        // the request type does not have as "could not be mapped". Other errors are syntax errors.
        var wrongType = exception.Message.Contains("could not be converted", StringComparison.Ordinal);
        var unknownField = exception.Message.Contains("could not be mapped", StringComparison.Ordinal);
        if (!wrongType && !unknownField)
            return new ValidationFailure("body", SyntaxErrorMessage(exception)) { ErrorCode = ApiExtensions.InvalidJsonErrorCode };

        var message = (wrongType, field) switch
        {
            (true, "body") => "The request body must be a JSON object.",
            (true, _) => $"The value of '{field}' is not of the expected type or format.",
            _ => $"'{field}' is not a field of this request; the OpenAPI document at /swagger lists the fields.",
        };

        return new ValidationFailure(field, message) { ErrorCode = ApiExtensions.InvalidJsonErrorCode };
    }

    // A syntax error belongs to the body as a whole, even when the reader was inside a field when it stopped.
    private static string SyntaxErrorMessage(JsonException exception)
    {
        var truncated = exception.Message.StartsWith("Expected depth to be zero", StringComparison.Ordinal);
        var reason = truncated ? "It ends before every object and array is closed." : FirstSentence(exception.Message);
        var location = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $" at line {line + 1}, byte {position + 1}"
            : "";

        return $"The request body is not valid JSON{location}. {reason}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);

        return end < 0 ? message : message[..(end + 1)];
    }
}
