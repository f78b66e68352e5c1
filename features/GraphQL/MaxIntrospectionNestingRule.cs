using GraphQL.Validation;
using GraphQLParser.AST;

namespace Slices.Features.GraphQL;

/// <summary>
/// Rejects a document that nests the introspection fields that lead from a type back to types (<c>fields</c>,
/// <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) more than <see cref="MaxNesting"/> deep below
/// <c>__schema</c> or <c>__type</c>, fragments included. Such a cycle multiplies the result by the schema's size at each
/// level. Because this rule bounds it, operations that select only introspection fields are exempt from the depth and
/// complexity limits, which would otherwise reject the schema query of GraphiQL (depth 15).
/// </summary>
public sealed class MaxIntrospectionNestingRule : ValidationRuleBase
{
    public const string Code = "MAX_INTROSPECTION_NESTING_EXCEEDED";

    public const int MaxNesting = 3;

    public static readonly MaxIntrospectionNestingRule Instance = new();

    private static readonly HashSet<string> TypeListFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    /// <summary>True when every root selection of <paramref name="operation"/> is <c>__schema</c>, <c>__type</c> or <c>__typename</c>.</summary>
    public static bool IsIntrospectionOnly(GraphQLOperationDefinition? operation) =>
        operation is not null
        && operation.SelectionSet.Selections.All(selection => selection is GraphQLField field && IsIntrospectionRoot(field));

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var walker = new Walker(context.Document);
        foreach (var operation in context.Document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var tooDeep = walker.FindTooDeep(operation.SelectionSet, insideIntrospection: false, nesting: 0);
            if (tooDeep is null)
                continue;

            context.ReportError(new ValidationError(
                context.Document.Source,
                null,
                $"The introspection fields fields, inputFields, interfaces and possibleTypes are nested more than {MaxNesting} deep, the maximum this server accepts.",
                tooDeep)
            { Code = Code });
        }

        return ValueTask.FromResult<INodeVisitor?>(null);
    }

    private static bool IsIntrospectionRoot(GraphQLField field) =>
        field.Name.StringValue is "__schema" or "__type" or "__typename";

    // Each fragment is walked once per (inside introspection, nesting) state, so fragments that spread each other
    // many times cannot make the walk exponential, and a fragment cycle (reported by the core rules) ends it.
    private sealed class Walker(GraphQLDocument document)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First());

        private readonly Dictionary<(string Fragment, bool Inside, int Nesting), GraphQLField?> walked = [];

        public GraphQLField? FindTooDeep(GraphQLSelectionSet? selectionSet, bool insideIntrospection, int nesting)
        {
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                var found = selection switch
                {
                    GraphQLField field => FindTooDeep(field, insideIntrospection, nesting),
                    GraphQLInlineFragment inline => FindTooDeep(inline.SelectionSet, insideIntrospection, nesting),
                    GraphQLFragmentSpread spread => FindTooDeep(spread.FragmentName.Name.StringValue, insideIntrospection, nesting),
                    _ => null,
                };

                if (found is not null)
                    return found;
            }

            return null;
        }

        private GraphQLField? FindTooDeep(GraphQLField field, bool insideIntrospection, int nesting)
        {
            var inside = insideIntrospection || IsIntrospectionRoot(field);
            var deeper = inside && TypeListFields.Contains(field.Name.StringValue) ? nesting + 1 : nesting;
            if (deeper > MaxNesting)
                return field;

            return FindTooDeep(field.SelectionSet, inside, deeper);
        }

        private GraphQLField? FindTooDeep(string fragmentName, bool insideIntrospection, int nesting)
        {
            var key = (fragmentName, insideIntrospection, nesting);
            if (walked.TryGetValue(key, out var known) || !fragments.TryGetValue(fragmentName, out var fragment))
                return known;

            // Marked before the walk, so that a cycle back to this fragment stops here.
            walked[key] = null;
            var found = FindTooDeep(fragment.SelectionSet, insideIntrospection, nesting);
            walked[key] = found;

            return found;
        }
    }
}
