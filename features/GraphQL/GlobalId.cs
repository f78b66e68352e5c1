using System.Text;
using System.Text.Unicode;
using GraphQL;

namespace Slices.Features.GraphQL;

/// <summary>
/// Relay global ids: the base64 of <c>Type:rawId</c>, so that one <c>ID</c> names both the type and the record.
/// For example Jane Doe's user <c>1E4Yo11Y3r9a</c> has the global id <c>VXNlcjoxRTRZbzExWTNyOWE=</c>.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, string rawId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{rawId}"));

    /// <summary>
    /// Splits a global id into type name and raw id. Returns false for a value that is not the base64 of
    /// <c>Type:rawId</c>, which callers then treat as a raw id.
    /// </summary>
    public static bool TryDecode(string id, out string typeName, out string rawId)
    {
        typeName = "";
        rawId = "";

        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var length))
            return false;

        // Checked rather than caught: a raw id is often valid base64 of bytes that are not UTF-8, and an exception per
        // request for it was a visible share of a GraphQL request's time.
        if (!Utf8.IsValid(bytes.AsSpan(0, length)))
            return false;

        var text = Encoding.UTF8.GetString(bytes, 0, length);

        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator < 1 || separator == text.Length - 1 || !IsTypeName(text.AsSpan(0, separator)))
            return false;

        typeName = text[..separator];
        rawId = text[(separator + 1)..];

        return true;
    }

    /// <summary>
    /// Returns the raw id of an <c>ID</c> argument that names a <paramref name="typeName"/>: a global id of that
    /// type, or a raw id as it is. A global id of another type raises an error with the code <c>INVALID_ID</c>.
    /// </summary>
    public static string ToRawId(string id, string typeName)
    {
        if (!TryDecode(id, out var decodedType, out var rawId))
            return id;

        if (decodedType != typeName)
            throw new ExecutionError($"The id '{id}' is of type {decodedType}, but this argument takes an id of type {typeName}.") { Code = "INVALID_ID" };

        return rawId;
    }

    private static bool IsTypeName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetterUpper(name[0]))
            return false;

        foreach (var character in name)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character != '_')
                return false;
        }

        return true;
    }
}
