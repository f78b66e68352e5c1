using GraphQL.Validation.Complexity;

namespace Slices.Features.GraphQL;

/// <summary>
/// Applies the configured depth and complexity limits through GraphQL.NET's complexity analyzer. Each rejection
/// gets its own code, <c>MAX_DEPTH_EXCEEDED</c> or <c>MAX_COMPLEXITY_EXCEEDED</c>, so clients can tell which limit to meet.
/// Operations that select only introspection fields are exempt; see <see cref="MaxIntrospectionNestingRule"/>.
/// </summary>
internal static class ComplexityLimits
{
    public const string DepthCode = "MAX_DEPTH_EXCEEDED";
    public const string ComplexityCode = "MAX_COMPLEXITY_EXCEEDED";

    public static void Configure(ComplexityOptions complexity, GraphQLSettings limits)
    {
        complexity.MaxDepth = limits.MaxDepth;
        complexity.MaxComplexity = limits.MaxComplexity;
        complexity.ValidateComplexityDelegate = SetErrorCode;
    }

    // The analyzer sets Error when a limit is exceeded. Depth is checked first because the analyzer checks it first.
    // An operation of introspection fields alone is bounded by MaxIntrospectionNestingRule instead, because the
    // analyzer rates GraphiQL's schema query of this schema at a complexity near 350,000, far above any limit for data.
    private static Task SetErrorCode(ComplexityValidationContext context)
    {
        if (context.Error is null)
            return Task.CompletedTask;

        if (MaxIntrospectionNestingRule.IsIntrospectionOnly(context.ValidationContext.Operation))
        {
            context.Error = null;
            return Task.CompletedTask;
        }

        context.Error.Code = context.MaxDepth > context.Configuration.MaxDepth ? DepthCode : ComplexityCode;

        return Task.CompletedTask;
    }
}
