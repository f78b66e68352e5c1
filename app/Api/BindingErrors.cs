using Microsoft.Extensions.Primitives;

namespace Slices.Api;

/// <summary>Messages for query, route and form values that do not parse, in the user's terms rather than .NET type names.</summary>
internal static class BindingErrors
{
    public static string Message(Type type, string name, StringValues value) =>
        $"{name} must be {Describe(Nullable.GetUnderlyingType(type) ?? type)}, not '{value}'.";

    private static string Describe(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "a whole number",
        TypeCode.Decimal or TypeCode.Double or TypeCode.Single => "a number",
        TypeCode.Boolean => "true or false",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 date and time, such as 2018-01-01T08:00:00Z",
        _ => $"a valid {type.Name}",
    };
}
