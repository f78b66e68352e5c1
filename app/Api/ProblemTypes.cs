namespace Slices.Api;

/// <summary>The <c>type</c> URI of a problem-details body: the section of the HTTP standard that defines its status.</summary>
public static class ProblemTypes
{
    private const string Http = "https://tools.ietf.org/html/rfc9110#section-";

    public static string? For(int statusCode) => statusCode switch
    {
        400 => Http + "15.5.1",
        401 => Http + "15.5.2",
        403 => Http + "15.5.4",
        404 => Http + "15.5.5",
        405 => Http + "15.5.6",
        409 => Http + "15.5.10",
        413 => Http + "15.5.14",
        415 => Http + "15.5.16",
        422 => Http + "15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => Http + "15.6.1",
        _ => null,
    };
}
