using GraphQL.Types;

namespace Slices.Features.GraphQL;

/// <summary>
/// How a mutation finished, in the shape the schema's mutations return: <c>code</c> "0" with a success
/// <c>msg_id</c>, or "1" with the <c>msg_id</c> of the failure and a message that gives the reason.
/// </summary>
public sealed record CompletionObj(string Code, string Msg, string MsgId, int Processed, int Modified)
{
    public const string SucceededCode = "0";
    public const string FailedCode = "1";

    /// <summary>One record was processed and stored.</summary>
    public static CompletionObj Succeeded(string msgId, string msg) => new(SucceededCode, msg, msgId, Processed: 1, Modified: 1);

    /// <summary>One record was processed and nothing was stored.</summary>
    public static CompletionObj Failed(string msgId, string msg) => new(FailedCode, msg, msgId, Processed: 1, Modified: 0);
}

public sealed class CompletionObjType : ObjectGraphType<CompletionObj>
{
    public CompletionObjType()
    {
        Name = "CompletionObj";
        Description = "How a mutation finished: code \"0\" on success, \"1\" on failure, with a message id and a message.";

        Field<NonNullGraphType<StringGraphType>>("code").Resolve(context => context.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("msg").Resolve(context => context.Source.Msg);
        Field<NonNullGraphType<StringGraphType>>("msg_id").Resolve(context => context.Source.MsgId);
        Field<NonNullGraphType<IntGraphType>>("processed").Description("Number of records the mutation processed.").Resolve(context => context.Source.Processed);
        Field<NonNullGraphType<IntGraphType>>("modified").Description("Number of records the mutation stored.").Resolve(context => context.Source.Modified);
    }
}
