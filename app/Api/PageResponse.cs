using FluentValidation;
using Slices.Store;

namespace Slices.Api;

/// <summary>One page of a list endpoint: the rows and where they sit in the whole list.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, PageInfo PageInfo);

/// <summary>Query parameters shared by list endpoints; <see cref="Direction"/> is <c>asc</c> or <c>desc</c>.</summary>
public class PageQuery
{
    public int? First { get; set; }

    public string? After { get; set; }

    public int? Last { get; set; }

    public string? Before { get; set; }

    public string? Direction { get; set; }

    /// <summary>Returns the page request, ordering descending when <see cref="Direction"/> is <c>desc</c> or, when absent, when <paramref name="descendingByDefault"/> is set.</summary>
    public PageRequest ToPageRequest(bool descendingByDefault) =>
        new(First, After, Last, Before, Direction is null ? descendingByDefault : Direction == "desc");
}

/// <summary>Checks the parts of <see cref="PageQuery"/> that handlers do not see: the direction text.</summary>
public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(query => query.Direction)
            .Must(direction => direction is null or "asc" or "desc")
            .WithMessage("direction must be asc or desc.");
    }
}
