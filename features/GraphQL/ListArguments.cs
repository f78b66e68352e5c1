using System.Text.Json;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>
/// The names a list field accepts in <c>filterValues</c> or <c>resolverArgs</c>, each with a function that turns the
/// given value into a test of a row. The function raises an <see cref="ExecutionError"/> for a value it cannot use.
/// </summary>
public sealed class RowTests<TRow> : Dictionary<string, Func<string, Func<TRow, bool>>>
{
    public RowTests()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>What a list field accepts in <c>orderBy</c>, <c>filterValues</c> and <c>resolverArgs</c>.</summary>
public sealed class ListShape<TRow>
{
    /// <summary>The fields <c>orderBy</c> may name, the first being the default.</summary>
    public required string[] OrderFields { get; init; }

    public OrderByDirection DefaultDirection { get; init; } = OrderByDirection.Asc;

    /// <summary>The fields <c>filterValues</c> may name, each matched exactly.</summary>
    public RowTests<TRow> Filters { get; init; } = [];

    /// <summary>The parameters <c>resolverArgs</c> may name.</summary>
    public RowTests<TRow> Parameters { get; init; } = [];
}

/// <summary>
/// Reads the list arguments that every list field of the schema takes: <c>orderBy</c>, <c>filterValues</c> (a JSON
/// object of exact-match filters) and <c>resolverArgs</c> (named parameters that the field documents). Anything a
/// field does not accept is an error with the code <c>INVALID_ARGUMENT</c> that names what it accepts.
/// </summary>
public static class ListArguments
{
    /// <summary>Adds <c>orderBy</c>, <c>filterValues</c>, <c>resolverArgs</c> and the paging arguments, each described with what <paramref name="shape"/> accepts.</summary>
    public static FieldBuilder<TSource, TReturn> WithListArguments<TSource, TReturn, TRow>(this FieldBuilder<TSource, TReturn> field, ListShape<TRow> shape) =>
        field
            .Argument<OrderByInputType>(
                "orderBy",
                $"Sort order; field is one of {Names(shape.OrderFields)}. Default: {shape.OrderFields[0]} {shape.DefaultDirection.ToString().ToUpperInvariant()}.")
            .Argument<FilterValuesInputType>(
                "filterValues",
                shape.Filters.Count == 0
                    ? "Not used by this list; it accepts no filters."
                    : $"A JSON object of exact-match filters on {Names(shape.Filters.Keys)}, such as {{\"{shape.Filters.Keys.First()}\": \"...\"}}.")
            .Argument<ListGraphType<NonNullGraphType<QueryResolverArgsInputType>>>(
                "resolverArgs",
                shape.Parameters.Count == 0
                    ? "Not used by this list; it accepts no parameters."
                    : $"Named parameters: {Names(shape.Parameters.Keys)}.")
            .PagingArguments();

    /// <summary>Returns the field to order by, one of the shape's, and whether the order is descending.</summary>
    public static (string Field, bool Descending) ReadOrderBy<TRow>(IResolveFieldContext context, ListShape<TRow> shape)
    {
        var orderBy = context.GetArgument<OrderBy?>("orderBy");
        if (orderBy is null)
            return (shape.OrderFields[0], shape.DefaultDirection == OrderByDirection.Desc);

        if (!shape.OrderFields.Contains(orderBy.Field, StringComparer.Ordinal))
            throw Invalid($"orderBy.field '{orderBy.Field}' is not sortable here; use one of {Names(shape.OrderFields)}.");

        return (orderBy.Field, orderBy.Direction == OrderByDirection.Desc);
    }

    /// <summary>
    /// Returns a test that accepts the rows matching every filter and parameter given, or null when none is given.
    /// </summary>
    public static Func<TRow, bool>? ReadRowTest<TRow>(IResolveFieldContext context, ListShape<TRow> shape)
    {
        var tests = new List<Func<TRow, bool>>();

        foreach (var (name, value) in ReadFilterValues(context.GetArgument<FilterValues?>("filterValues")?.FilterValuesString))
        {
            if (!shape.Filters.TryGetValue(name, out var filter))
                throw Invalid(shape.Filters.Count == 0
                    ? "filterValues is not supported by this list."
                    : $"filterValues may not filter on '{name}'; use {Names(shape.Filters.Keys)}.");

            tests.Add(filter(value));
        }

        foreach (var argument in context.GetArgument<List<QueryResolverArgs>?>("resolverArgs") ?? [])
        {
            if (!shape.Parameters.TryGetValue(argument.Param, out var parameter))
                throw Invalid(shape.Parameters.Count == 0
                    ? $"resolverArgs param '{argument.Param}' is not known; this list takes no parameters."
                    : $"resolverArgs param '{argument.Param}' is not known; use {Names(shape.Parameters.Keys)}.");

            if (argument.Value is null)
                throw Invalid($"resolverArgs param '{argument.Param}' needs a value.");

            tests.Add(parameter(argument.Value));
        }

        return tests.Count switch
        {
            0 => null,
            1 => tests[0],
            _ => row => tests.TrueForAll(test => test(row)),
        };
    }

    /// <summary>Returns a parameter test that parses its value as a date and time, naming the parameter when it cannot.</summary>
    public static Func<string, Func<TRow, bool>> DateParameter<TRow>(string name, Func<DateTimeOffset, Func<TRow, bool>> test) =>
        value => DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? test(date.ToUniversalTime())
            : throw Invalid($"resolverArgs param '{name}' must be an ISO 8601 date and time such as 2018-01-01T00:00:00Z; it is '{value}'.");

    public static ExecutionError Invalid(string message) => new(message) { Code = GraphOutcomes.InvalidArgument };

    /// <summary>Parses the filter JSON into (field, value) pairs; only string, number and boolean values can be matched exactly.</summary>
    private static List<(string Name, string Value)> ReadFilterValues(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return [];

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw Invalid($"filterValues.filterValuesString is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Invalid("filterValues.filterValuesString must be a JSON object of field names and values, such as {\"username\": \"john01\"}.");

            var filters = new List<(string Name, string Value)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (filters.Exists(filter => filter.Name == property.Name))
                    throw Invalid($"filterValues names '{property.Name}' more than once; give each field one value.");

                filters.Add((property.Name, property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => throw Invalid($"filterValues '{property.Name}' must be a string, number or boolean to match exactly; operators and lists are not supported."),
                }));
            }

            return filters;
        }
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
