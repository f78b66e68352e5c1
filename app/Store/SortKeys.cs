using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Slices.Store;

/// <summary>
/// A key of a sorted index that can be written to, and read back from, an opaque paging cursor. The cursor
/// also records its scope, the list and direction that issued it, so that every other scope rejects it.
/// </summary>
public interface ICursorKey<TSelf> : IComparable<TSelf>
    where TSelf : struct, ICursorKey<TSelf>
{
    string ToCursor(string scope);

    static abstract bool TryParseCursor(string cursor, string scope, out TSelf key);
}

/// <summary>Sort key ordered by a point in time, then by record id to break ties.</summary>
public readonly record struct TimeKey(DateTimeOffset Time, string Id) : ICursorKey<TimeKey>
{
    public int CompareTo(TimeKey other)
    {
        var byTime = Time.UtcTicks.CompareTo(other.Time.UtcTicks);

        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }

    public string ToCursor(string scope) => Cursor.Encode(scope, Time.UtcTicks.ToString(CultureInfo.InvariantCulture), Id);

    public static bool TryParseCursor(string cursor, string scope, out TimeKey key)
    {
        key = default;
        if (!Cursor.TryDecode(cursor, scope, out var value, out var id))
            return false;

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;

        key = new TimeKey(new DateTimeOffset(ticks, TimeSpan.Zero), id);

        return true;
    }
}

/// <summary>Sort key ordered by text ignoring case, then by exact text, then by record id to break ties.</summary>
public readonly record struct TextKey(string Text, string Id) : ICursorKey<TextKey>
{
    public int CompareTo(TextKey other)
    {
        var byText = StringComparer.OrdinalIgnoreCase.Compare(Text, other.Text);
        if (byText == 0)
            byText = string.CompareOrdinal(Text, other.Text);

        return byText != 0 ? byText : string.CompareOrdinal(Id, other.Id);
    }

    public string ToCursor(string scope) => Cursor.Encode(scope, Text, Id);

    public static bool TryParseCursor(string cursor, string scope, out TextKey key)
    {
        var valid = Cursor.TryDecode(cursor, scope, out var text, out var id);
        key = valid ? new TextKey(text, id) : default;

        return valid;
    }
}

/// <summary>
/// Sort key of a row in a list that never changes once stored, such as the lines of an order: its position.
/// A cursor contains the position, so it stays valid as long as the list and its order stay the same.
/// </summary>
public readonly record struct PositionKey(int Position) : ICursorKey<PositionKey>
{
    private const string Kind = "position";

    public int CompareTo(PositionKey other) => Position.CompareTo(other.Position);

    public string ToCursor(string scope) => Cursor.Encode(scope, Position.ToString(CultureInfo.InvariantCulture), Kind);

    public static bool TryParseCursor(string cursor, string scope, out PositionKey key)
    {
        key = default;
        if (!Cursor.TryDecode(cursor, scope, out var value, out var kind) || kind != Kind)
            return false;

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            return false;

        key = new PositionKey(position);

        return true;
    }

    /// <summary>Returns the keys of a list of <paramref name="count"/> rows.</summary>
    public static ImmutableSortedSet<PositionKey> Range(int count) =>
        Enumerable.Range(0, count).Select(position => new PositionKey(position)).ToImmutableSortedSet();
}

/// <summary>Cursor text: base64url of a JSON array of the scope, the sort value and the record id.</summary>
internal static class Cursor
{
    private const int MaxLength = 2048;

    public static string Encode(string scope, string value, string id) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { scope, value, id }));

    /// <summary>Reads a cursor issued in <paramref name="scope"/>. A cursor of another scope is invalid.</summary>
    public static bool TryDecode(string cursor, string scope, out string value, out string id)
    {
        value = id = "";
        if (cursor.Length > MaxLength)
            return false;

        // At most 1,536 bytes for a cursor of MaxLength characters, so the decoded JSON fits on the stack.
        Span<byte> json = stackalloc byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        if (Base64Url.DecodeFromChars(cursor, json, out _, out var length) != OperationStatus.Done)
            return false;

        // Reads exactly [scope, string, non-empty string] and nothing after it, with no serializer in between.
        var reader = new Utf8JsonReader(json[..length]);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return false;

            if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(scope))
                return false;

            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                return false;

            var sortValue = reader.GetString()!;

            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                return false;

            var recordId = reader.GetString()!;

            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray || reader.Read() || recordId.Length == 0)
                return false;

            value = sortValue;
            id = recordId;

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
