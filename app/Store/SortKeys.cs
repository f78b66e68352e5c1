using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Slices.Store;

/// <summary>
/// A key of a sorted index that can be written to, and read back from, an opaque paging cursor. The cursor
/// also records the name of its list, so that a cursor of one list is rejected by every other.
/// </summary>
public interface ICursorKey<TSelf> : IComparable<TSelf>
    where TSelf : struct, ICursorKey<TSelf>
{
    string ToCursor(string listName);

    static abstract bool TryParseCursor(string cursor, string listName, out TSelf key);
}

/// <summary>Sort key ordered by a point in time, then by record id to break ties.</summary>
public readonly record struct TimeKey(DateTimeOffset Time, string Id) : ICursorKey<TimeKey>
{
    public int CompareTo(TimeKey other)
    {
        var byTime = Time.UtcTicks.CompareTo(other.Time.UtcTicks);

        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }

    public string ToCursor(string listName) => Cursor.Encode(listName, Time.UtcTicks.ToString(CultureInfo.InvariantCulture), Id);

    public static bool TryParseCursor(string cursor, string listName, out TimeKey key)
    {
        key = default;
        if (!Cursor.TryDecode(cursor, listName, out var value, out var id))
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

    public string ToCursor(string listName) => Cursor.Encode(listName, Text, Id);

    public static bool TryParseCursor(string cursor, string listName, out TextKey key)
    {
        var valid = Cursor.TryDecode(cursor, listName, out var text, out var id);
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

    public string ToCursor(string listName) => Cursor.Encode(listName, Position.ToString(CultureInfo.InvariantCulture), Kind);

    public static bool TryParseCursor(string cursor, string listName, out PositionKey key)
    {
        key = default;
        if (!Cursor.TryDecode(cursor, listName, out var value, out var kind) || kind != Kind)
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

/// <summary>Cursor text: base64url of a JSON array of the list name, the sort value and the record id.</summary>
internal static class Cursor
{
    private const int MaxLength = 2048;

    public static string Encode(string listName, string value, string id) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { listName, value, id }));

    /// <summary>Reads a cursor of the list <paramref name="listName"/>. A cursor of another list is invalid.</summary>
    public static bool TryDecode(string cursor, string listName, out string value, out string id)
    {
        value = id = "";
        if (cursor.Length > MaxLength)
            return false;

        // At most 1,536 bytes for a cursor of MaxLength characters, so the decoded JSON fits on the stack.
        Span<byte> json = stackalloc byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        if (Base64Url.DecodeFromChars(cursor, json, out _, out var length) != OperationStatus.Done)
            return false;

        // Reads exactly [list name, string, non-empty string] and nothing after it, with no serializer in between.
        var reader = new Utf8JsonReader(json[..length]);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return false;

            if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(listName))
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
