using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using Slices.Store;

namespace Slices.Tests.Store;

public sealed class CursorTests
{
    private const string ListName = "test_users";

    public static TheoryData<string> MalformedPayloads =>
    [
        """["test_users","only-one"]""",
        """["test_users","a","b","c"]""",
        """["test_users","text",""]""",
        """["test_users",null,"id"]""",
        """["test_users","text",null]""",
        """[null,"text","id"]""",
        """["text","id"]""",
        """{"list":"test_users","value":"text","id":"id"}""",
        """["test_users","text","id"] trailing""",
        """["test_users","text","id"]["test_users","again","id"]""",
        """["test_users","text",""",
        """"just a string"""",
        "",
    ];

    [Fact]
    public void Cursor_round_trips()
    {
        var key = new TextKey("Jane \"Doe\" ü", "1E4Yo11Y3r9a");

        var parsed = TextKey.TryParseCursor(key.ToCursor(ListName), ListName, out var read);

        Assert.True(parsed);
        Assert.Equal(key, read);
    }

    [Fact]
    public void Cursor_of_other_list_is_rejected()
    {
        var cursor = new TextKey("Jane Doe", "1E4Yo11Y3r9a").ToCursor("other_list");

        Assert.False(TextKey.TryParseCursor(cursor, ListName, out _));
    }

    [Fact]
    public void Cursor_of_other_key_type_is_rejected()
    {
        var cursor = new TimeKey(new DateTimeOffset(2018, 1, 1, 8, 0, 0, TimeSpan.Zero), "1VdJc8rKq2Xe").ToCursor("user_orders");

        Assert.False(TextKey.TryParseCursor(cursor, ListName, out _));
    }

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void Malformed_cursor_is_rejected(string payload)
    {
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));

        Assert.False(TextKey.TryParseCursor(cursor, ListName, out _));
    }

    [Theory]
    [InlineData("not base64url!")]
    [InlineData("a")]
    public void Non_base64url_cursor_is_rejected(string cursor)
    {
        Assert.False(TextKey.TryParseCursor(cursor, ListName, out _));
    }

    [Fact]
    public void Overlong_cursor_is_rejected()
    {
        var key = new TextKey(new string('x', 2000), "id");

        Assert.False(TextKey.TryParseCursor(key.ToCursor(ListName), ListName, out _));
    }

    [Fact]
    public void Read_with_invalid_cursor_throws()
    {
        var index = ImmutableSortedSet.Create(new TextKey("a", "1"), new TextKey("b", "2"));

        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, ListName, new PageRequest(First: 1, After: "not-a-cursor"), key => key));
    }

    [Fact]
    public void Read_with_cursor_of_other_list_throws()
    {
        var index = ImmutableSortedSet.Create(new TextKey("a", "1"), new TextKey("b", "2"));
        var cursor = index[0].ToCursor("other_list");

        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, ListName, new PageRequest(First: 1, After: cursor), key => key));
    }

    [Fact]
    public void Read_with_invalid_size_throws()
    {
        var index = ImmutableSortedSet.Create(new TextKey("a", "1"));

        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, ListName, new PageRequest(First: 1, Last: 1), key => key));
        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, ListName, new PageRequest(First: PageRequest.MaxSize + 1), key => key));
        Assert.Throws<ArgumentException>(() => KeysetPaging.Read(index, ListName, new PageRequest(Last: 0), key => key));
    }
}
