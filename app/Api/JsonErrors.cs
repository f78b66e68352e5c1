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
        var message = (wrongType, unknownField, field) switch
        {
            (true, _, "body") => "The request body must be a JSON object.",
            (true, _, _) => $"The value of '{field}' is not of the expected type or format.",
            (_, true, _) => $"'{field}' is not a field of this request; the OpenAPI document at /swagger lists the fields.",
            _ => $"The request body is not valid JSON: {FirstSentence(exception.Message)}",
        };

        return new ValidationFailure(field, message) { ErrorCode = ApiExtensions.InvalidJsonErrorCode };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);

        return end < 0 ? message : message[..(end + 1)];
    }
}
