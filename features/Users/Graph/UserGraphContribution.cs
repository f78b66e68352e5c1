using System.Text.Json;
using FastEndpoints;
using GraphQL;
using GraphQL.Types;
using Slices.Api;
using Slices.Features.GraphQL;
using Slices.Store;

namespace Slices.Features.Users.Graph;

/// <summary>
/// The users' part of the schema: <c>viewer</c>, <c>getUser</c>, <c>listUsers</c>, <c>createUser</c> and <c>User</c>
/// nodes. Every field calls the Users handlers, so GraphQL applies the rules that REST applies.
/// </summary>
public sealed class UserGraphContribution : IGraphContribution, INodeResolver
{
    public const string UserCreatedId = "001";
    public const string UsernameTakenId = "DU01";
    public const string EmailTakenId = "DU02";
    public const string UserNotCreatedId = "EU01";

    private static readonly string[] LookupFields = ["id", "username", "full_name", "primary_email"];

    private static readonly ListShape<User> ListUsersShape = new()
    {
        OrderFields = ["full_name", "username", "created_at"],
        Filters = new()
        {
            ["full_name"] = value => user => string.Equals(user.FullName, value, StringComparison.OrdinalIgnoreCase),
            ["username"] = value => user => string.Equals(user.Username, value, StringComparison.OrdinalIgnoreCase),
            ["primary_email"] = value => user => string.Equals(user.PrimaryEmail, value, StringComparison.OrdinalIgnoreCase),
            ["primary_locale"] = value => user => string.Equals(user.PrimaryLocale, value, StringComparison.OrdinalIgnoreCase),
        },
        Parameters = new()
        {
            ["created_from"] = ListArguments.DateParameter<User>("created_from", from => user => user.CreatedAt >= from),
            ["created_to"] = ListArguments.DateParameter<User>("created_to", to => user => user.CreatedAt < to),
        },
    };

    public string TypeName => UserType.TypeName;

    public IEnumerable<Type> AdditionalTypes => [typeof(UserType)];

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<UserType>("viewer")
            .Description("The logged-in user's profile, or null when this instance does not store the user the token names.")
            .ResolveAsync(async context =>
                (await new GetUserCommand(context.Viewer(), context.Viewer().UserId).ExecuteAsync(context.CancellationToken)).ValueOrNull());

        query.Field<UserType>("getUser")
            .Description("Returns the user that item_query names, or null when none exists or the viewer may not see them. "
                + "A user sees only themselves; an admin sees everyone. Usernames, full names and emails match ignoring case, "
                + "and of several users with one full name the first by full name and id is returned.")
            .Argument<NonNullGraphType<StringGraphType>>(
                "item_query",
                "A JSON object with exactly one of id, username, full_name or primary_email, such as {\"username\": \"john01\"}.")
            .ResolveAsync(async context =>
            {
                var (field, value) = ReadLookup(context.GetArgument<string>("item_query"));
                var outcome = await new FindUserCommand(context.Viewer(), field, value).ExecuteAsync(context.CancellationToken);

                return outcome.ValueOrNull();
            });

        query.Field<ConnectionGraphType<UserType>>("listUsers")
            .Description("Lists users page by page. Only admins may. Filters match whole values, ignoring case.")
            .WithListArguments(ListUsersShape)
            .ResolveAsync(async context =>
            {
                var (field, descending) = ListArguments.ReadOrderBy(context, ListUsersShape);
                var command = new ListUsersCommand(
                    context.Viewer(),
                    Connections.ReadPageRequest(context, descending),
                    UserSortFields.ByName[field],
                    ListArguments.ReadRowTest(context, ListUsersShape));

                var page = (await command.ExecuteAsync(context.CancellationToken)).ValueOrError("No users were found.", "Only admins may list users.");

                return Connections.FromPage(page);
            });
    }

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CreateUserPayloadType>>("createUser")
            .Description("Creates a user with the role user. Only admins may. The payload's completionObj says whether it worked and why not.")
            .Argument<NonNullGraphType<CreateUserRequestType>>("input")
            .ResolveAsync(async context =>
            {
                var request = context.GetArgument<CreateUserRequest>("input");
                var outcome = await new CreateUserCommand(context.Viewer(), request.UserData).ExecuteAsync(context.CancellationToken);

                return new CreateUserPayload(
                    outcome.Value is { } user ? GlobalId.Encode(UserType.TypeName, user.Id) : null,
                    Completion(outcome),
                    request.ClientMutationId);
            });

    public async Task<object?> ResolveAsync(string rawId, IResolveFieldContext context) =>
        (await new GetUserCommand(context.Viewer(), rawId).ExecuteAsync(context.CancellationToken)).ValueOrNull();

    private static CompletionObj Completion(Outcome<User> outcome) => outcome.Status switch
    {
        OutcomeStatus.Succeeded => CompletionObj.Succeeded(UserCreatedId, "User created"),
        OutcomeStatus.Conflict when outcome.Failures[0].PropertyName == "username" =>
            CompletionObj.Failed(UsernameTakenId, outcome.Failures[0].ErrorMessage),
        OutcomeStatus.Conflict when outcome.Failures[0].PropertyName == "primary_email" =>
            CompletionObj.Failed(EmailTakenId, outcome.Failures[0].ErrorMessage),
        OutcomeStatus.Forbidden => CompletionObj.Failed(UserNotCreatedId, "Only admins may create users."),
        _ => CompletionObj.Failed(UserNotCreatedId, GraphOutcomes.Describe(outcome.Failures)),
    };

    /// <summary>Reads item_query: a JSON object with exactly one lookup field, whose value is a string.</summary>
    private static (UserLookupField Field, string Value) ReadLookup(string itemQuery)
    {
        var usage = $"item_query must be a JSON object with exactly one of {string.Join(", ", LookupFields)}, whose value is a string, "
            + "such as {\"username\": \"john01\"}.";

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(itemQuery);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ListArguments.Invalid($"item_query is not valid JSON. {usage}");
        }

        if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 1)
            throw ListArguments.Invalid(usage);

        var property = root.EnumerateObject().Single();
        if (!LookupFields.Contains(property.Name, StringComparer.Ordinal) || property.Value.ValueKind != JsonValueKind.String)
            throw ListArguments.Invalid($"item_query may not look up by '{property.Name}' with a {property.Value.ValueKind.ToString().ToLowerInvariant()} value. {usage}");

        var value = property.Value.GetString()!;

        return property.Name switch
        {
            "id" => (UserLookupField.Id, GlobalId.ToRawId(value, UserType.TypeName)),
            "username" => (UserLookupField.Username, value),
            "full_name" => (UserLookupField.FullName, value),
            _ => (UserLookupField.PrimaryEmail, value),
        };
    }
}
