using GraphQL;
using GraphQL.Execution;

namespace Slices.Features.GraphQL;

/// <summary>
/// Shapes every GraphQL error in one place, so each carries <c>extensions.code</c>. An exception that a resolver did
/// not turn into an <see cref="ExecutionError"/> becomes <c>INTERNAL_SERVER_ERROR</c> with a fixed message. Exception
/// details (type and stack trace) appear only in Development.
/// </summary>
public sealed class GraphErrorInfoProvider(IHostEnvironment environment) : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeExceptionDetails = environment.IsDevelopment(),
    ExposeExceptionDetailsMode = ExposeExceptionDetailsMode.Extensions,
    ExposeCode = true,
    ExposeCodes = false,
    ExposeData = false,
})
{
    public const string InternalErrorCode = "INTERNAL_SERVER_ERROR";

    private const string DetailsKey = "details";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(info.Extensions);

        if (executionError is UnhandledError)
        {
            info.Message = "An internal error occurred while resolving this field; the server log has the details.";
            extensions["code"] = InternalErrorCode;
        }
        else
        {
            if (!extensions.ContainsKey("code"))
                extensions["code"] = executionError.Code ?? InternalErrorCode;

            // Details are for unexpected failures. An expected error's message and code tell a client all it needs,
            // and its stack trace would only show server paths.
            extensions.Remove(DetailsKey);

            // A scalar that rejects a value gives the reason in a FormatException, which GraphQL.NET keeps as the
            // inner exception under a generic "Unable to convert" message.
            if (executionError.InnerException is FormatException format && !info.Message.Contains(format.Message, StringComparison.Ordinal))
                info.Message = $"{info.Message} {format.Message}";
        }

        info.Extensions = extensions;

        return info;
    }
}
