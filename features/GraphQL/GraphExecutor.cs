using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using Slices.Auth;

namespace Slices.Features.GraphQL;

/// <summary>Executes one GraphQL request for the viewer, with the configured validation limits.</summary>
public sealed class GraphExecutor(
    IDocumentExecuter executer,
    ISchema schema,
    IOptions<GraphQLSettings> settings,
    ILogger<GraphExecutor> logger)
{
    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, Viewer viewer, HttpContext http, CancellationToken cancellation)
    {
        // A cached document is checked only against CachedDocumentValidationRules. The GET rule belongs there too,
        // because a mutation cached after a POST must still be rejected over GET.
        IValidationRule[] methodRules = HttpMethods.IsGet(http.Request.Method) ? [QueryOnlyOverGetRule.Instance] : [];

        return executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = http.User,
            UserContext = new GraphUserContext(viewer),
            RequestServices = http.RequestServices,
            CancellationToken = cancellation,
            ValidationRules = [.. DocumentValidator.CoreRules, new MaxAliasesRule(settings.Value.MaxAliases), MaxIntrospectionNestingRule.Instance, .. methodRules],
            CachedDocumentValidationRules = methodRules,
            UnhandledExceptionDelegate = LogUnhandledException,
        });
    }

    private Task LogUnhandledException(UnhandledExceptionContext context)
    {
        logger.LogError(
            context.OriginalException,
            "GraphQL field {FieldPath} failed with an unhandled exception",
            context.FieldContext is null ? "(none)" : string.Join('.', context.FieldContext.Path));

        return Task.CompletedTask;
    }
}
