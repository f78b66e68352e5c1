using GraphQL.Validation;
using GraphQLParser.AST;

namespace Slices.Features.GraphQL;

/// <summary>
/// Rejects a document with more than <paramref name="maxAliases"/> aliased fields, because aliases let one request
/// run the same field many times over.
/// </summary>
public sealed class MaxAliasesRule(int maxAliases) : ValidationRuleBase
{
    public const string Code = "MAX_ALIASES_EXCEEDED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        var visitor = new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is null)
                return;

            aliases++;
            if (aliases == maxAliases + 1)
            {
                validation.ReportError(new ValidationError(
                    validation.Document.Source,
                    null,
                    $"The document has more than {maxAliases} aliased fields, the maximum this server accepts.",
                    field)
                { Code = Code });
            }
        });

        return new ValueTask<INodeVisitor?>(visitor);
    }
}
