using GraphQL.Types;
using Slices.Features.GraphQL;
using Slices.Store;

namespace Slices.Features.Users.Graph;

/// <summary>The GraphQL <c>User</c>: a user's profile, without the password hash or role.</summary>
public sealed class UserType : NodeGraphType<User>
{
    public const string TypeName = "User";

    public UserType()
        : base(TypeName, user => user.Id)
    {
        Description = "A user who can log in and place orders.";

        Field<NonNullGraphType<StringGraphType>>("full_name").Resolve(context => context.Source.FullName);
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(context => context.Source.Username);
        Field<NonNullGraphType<StringGraphType>>("primary_email").Resolve(context => context.Source.PrimaryEmail);
        Field<NonNullGraphType<StringGraphType>>("primary_locale")
            .Description("A culture name such as en or de-CH.")
            .Resolve(context => context.Source.PrimaryLocale);
    }
}
