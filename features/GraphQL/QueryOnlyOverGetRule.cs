using GraphQL.Validation;
using GraphQLParser.AST;

namespace Slices.Features.GraphQL;

/// <summary>
/// Rejects a mutation or subscription that arrives over GET, because GET must not change state. The transport
/// returns 405 with <c>Allow: POST</c> for this error.
/// </summary>
public sealed class QueryOnlyOverGetRule : ValidationRuleBase
{
    public const string Code = "METHOD_NOT_ALLOWED";

    public static readonly QueryOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(
                context.Document.Source,
                null,
                $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent with POST; GET runs queries only.",
                operation)
            { Code = Code });
        }

        return new ValueTask<INodeVisitor?>((INodeVisitor?)null);
    }
}
