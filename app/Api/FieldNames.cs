using System.Text.Json;
using FluentValidation.Results;

namespace Slices.Api;

/// <summary>Names validation failures the way the JSON bodies name fields: snake_case, with list indexes kept.</summary>
public static class FieldNames
{
    /// <summary>Converts a property path such as <c>OrderItems[0].ItemId</c> to <c>order_items[0].item_id</c>.</summary>
    public static string ToSnakeCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(ConvertSegment));

    public static IEnumerable<ValidationFailure> ToSnakeCase(IEnumerable<ValidationFailure> failures) =>
        failures.Select(failure => new ValidationFailure(ToSnakeCase(failure.PropertyName), failure.ErrorMessage));

    private static string ConvertSegment(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);

        return bracket < 0
            ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment)
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(segment[..bracket]) + segment[bracket..];
    }
}
