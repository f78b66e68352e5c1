using GraphQL.Types;

namespace Slices.Features.GraphQL;

public enum OrderByDirection
{
    Asc,
    Desc,
}

/// <summary>Sort order of a list: the field to sort by and the direction.</summary>
public sealed class OrderBy
{
    public string Field { get; set; } = "";

    public OrderByDirection Direction { get; set; } = OrderByDirection.Asc;
}

/// <summary>A filter of a list, as one string in the list field's filter syntax.</summary>
public sealed class FilterValues
{
    public string? FilterValuesString { get; set; }
}

/// <summary>One named parameter of a list query, such as the user whose orders to list.</summary>
public sealed class QueryResolverArgs
{
    public string Param { get; set; } = "";

    public string? Value { get; set; }
}

public sealed class OrderByDirectionType : EnumerationGraphType<OrderByDirection>
{
    public OrderByDirectionType() => Name = "OrderByDirection";
}

public sealed class OrderByInputType : InputObjectGraphType<OrderBy>
{
    public OrderByInputType()
    {
        Name = "OrderBy";

        Field<NonNullGraphType<StringGraphType>>("field").Description("Name of the field to sort by, as the list field documents it.");
        Field<OrderByDirectionType>("direction").DefaultValue(OrderByDirection.Asc);
    }
}

public sealed class FilterValuesInputType : InputObjectGraphType<FilterValues>
{
    public FilterValuesInputType()
    {
        Name = "FilterValues";

        Field<StringGraphType>("filterValuesString");
    }
}

public sealed class QueryResolverArgsInputType : InputObjectGraphType<QueryResolverArgs>
{
    public QueryResolverArgsInputType()
    {
        Name = "QueryResolverArgs";

        Field<NonNullGraphType<StringGraphType>>("param");
        Field<StringGraphType>("value");
    }
}
