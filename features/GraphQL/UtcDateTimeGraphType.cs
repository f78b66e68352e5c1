using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Slices.Features.GraphQL;

/// <summary>
/// The <c>DateTime</c> scalar: an ISO 8601 date and time, written in UTC with a <c>Z</c> suffix. Input must carry
/// <c>Z</c> or an offset and is converted to UTC. A value without either is rejected, because its zone is unknown.
/// A <see cref="DateTime"/> of unspecified kind is written as if it were UTC.
/// </summary>
public sealed class UtcDateTimeGraphType : ScalarGraphType
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An ISO 8601 date and time in UTC, such as 2018-01-01T08:00:00Z.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset offset => offset.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime().ToString(OutputFormat, CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString(OutputFormat, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => ParseText(text),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseText((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateTimeOffset ParseText(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var time = timeStart < 0 ? "" : text[(timeStart + 1)..];
        var hasZone = time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);

        if (!hasZone || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            throw new FormatException($"'{text}' is not an ISO 8601 date and time with Z or an offset, such as 2018-01-01T08:00:00Z.");

        return parsed.ToUniversalTime();
    }
}
