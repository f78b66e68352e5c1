namespace Slices.Features.GraphQL;

/// <summary>Reads the fields of a parsed input object, where an absent field and an explicit null both read as null.</summary>
public static class InputDictionary
{
    public static object? ValueOrNull(this IDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : null;

    public static string? TextOrNull(this IDictionary<string, object?> fields, string name) =>
        fields.ValueOrNull(name) as string;
}
