using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using Slices.Store;

namespace Slices.Tests.Store;

public sealed class CursorTests
{
    public static TheoryData<string> MalformedPayloads =>
    [
        """["only-one"]""",
        """["a","b","c"]""",
        """["text",""]""",
        """[null,"id"]""",
        """["text",null]""",
        """{"value":"text","id":"id"}""",
        """["text","id"] trailing""",
        """["text","id"]["again","id"]""",
        """["text",""",
        """"just a string"""",
        "",
    ];

    [Fact]
    public void Cursor_round_trips()
    {
        var key = new TextKey("Jane \"Doe\" ü", "1E4Yo11Y3r9a");

        var parsed = TextKey.TryParseCursor(key.ToCursor(), out var read);

        Assert.True(parsed);
        Assert.Equal(key, read);
    }

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void Malformed_cursor_is_rejected(string payload)
    {
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));

        Assert.False(TextKey.TryParseCursor(cursor, out _));
    }

    [Theory]
    [InlineData("not base64url!")]
    [InlineData("a")]
    public void Non_base64url_cursor_is_rejected(string cursor)
    {
        Assert.False(TextKey.TryParseCursor(cursor, out _));
    }

    [Fact]
    public void Overlong_cursor_is_rejected()
    {
        var key = new TextKey(new string('x', 2000), "id");

        Assert.False(TextKey.TryParseCursor(key.ToCursor(), out _));
    }

    [Fact]
    public void Read_with_invalid_cursor_throws()
    {
        var index = ImmutableSortedSet.Create(new TextKey("a", "1"), new TextKey("b", "2"));

        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, new PageRequest(First: 1, After: "not-a-cursor"), key => key));
    }

    [Fact]
    public void Read_with_invalid_size_throws()
    {
        var index = ImmutableSortedSet.Create(new TextKey("a", "1"));

        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, new PageRequest(First: 1, Last: 1), key => key));
        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, new PageRequest(First: PageRequest.MaxSize + 1), key => key));
        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, new PageRequest(Last: 0), key => key));
    }
}
