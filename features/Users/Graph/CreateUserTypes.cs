using GraphQL.Types;
using Slices.Features.GraphQL;

namespace Slices.Features.Users.Graph;

/// <summary>The arguments of <c>createUser</c>: the new user's fields and an optional id that the payload echoes.</summary>
public sealed record CreateUserRequest(CreateUserInput UserData, string? ClientMutationId);

/// <summary>The result of <c>createUser</c>: the new user's global id on success, and how the mutation finished.</summary>
public sealed record CreateUserPayload(string? UserId, CompletionObj CompletionObj, string? ClientMutationId);

/// <summary>The GraphQL <c>UserInput</c>. New users get the role user.</summary>
public sealed class UserInputType : InputObjectGraphType<CreateUserInput>
{
    public UserInputType()
    {
        Name = "UserInput";

        Field<StringGraphType>("full_name");
        Field<NonNullGraphType<StringGraphType>>("username").Description("3 to 32 letters, digits, '_', '.' or '-'.");
        Field<NonNullGraphType<StringGraphType>>("primary_email");
        Field<StringGraphType>("primary_locale").Description("A culture name such as en or de-CH; en when absent.");
        Field<StringGraphType>("password").Description($"At least {CreateUserInputValidator.MinPasswordLength} characters.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CreateUserInput
    {
        FullName = value.TextOrNull("full_name"),
        Username = value.TextOrNull("username"),
        PrimaryEmail = value.TextOrNull("primary_email"),
        PrimaryLocale = value.TextOrNull("primary_locale"),
        Password = value.TextOrNull("password"),
    };
}

/// <summary>The GraphQL <c>CreateUserInput</c>.</summary>
public sealed class CreateUserRequestType : InputObjectGraphType<CreateUserRequest>
{
    public CreateUserRequestType()
    {
        Name = "CreateUserInput";

        Field<NonNullGraphType<UserInputType>>("user_data");
        Field<StringGraphType>("clientMutationId").Description("Any text; the payload returns it unchanged.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new CreateUserRequest((CreateUserInput)value["user_data"]!, value.TextOrNull("clientMutationId"));
}

/// <summary>The GraphQL <c>CreateUserPayload</c>.</summary>
public sealed class CreateUserPayloadType : ObjectGraphType<CreateUserPayload>
{
    public CreateUserPayloadType()
    {
        Name = "CreateUserPayload";

        Field<IdGraphType>("user_id").Description("The new user's global id, or null when the user was not created.").Resolve(context => context.Source.UserId);
        Field<NonNullGraphType<CompletionObjType>>("completionObj").Resolve(context => context.Source.CompletionObj);
        Field<StringGraphType>("clientMutationId").Resolve(context => context.Source.ClientMutationId);
    }
}
