using System.Text;
using System.Text.Json;
using ContentHub.Api.Features.OData;

namespace ContentHub.Api.Tests.OData;

/// <summary>Bodies escaped as UTF-8 bytes must read back, with any JSON parser, as the text that was stored.</summary>
public sealed class JsonStringUtf8Tests
{
    [Theory]
    [InlineData("")]
    [InlineData("<p>Bắc Giang</p>\n")]
    [InlineData("\"quoted\" and \\backslashed\\")]
    [InlineData("ສະບາຍດີ 北江 부산 ひらがな 🌾 \u2028\u2029 \u007f")]
    [InlineData("\"")]
    [InlineData("end with a newline\n")]
    public void Text_reads_back_unchanged(string text)
    {
        Assert.Equal(text, RoundTrip(text));
    }

    [Fact]
    public void Every_ascii_character_including_controls_reads_back_unchanged()
    {
        var text = new string(Enumerable.Range(0, 128).Select(c => (char)c).ToArray());

        Assert.Equal(text, RoundTrip(text));
    }

    [Fact]
    public void Only_what_json_requires_is_escaped()
    {
        Assert.Equal("\"<a href=\\\"/x\\\">Đà</a>\\n\\u0001\"", Write("<a href=\"/x\">Đà</a>\n\u0001"));
    }

    private static string? RoundTrip(string text) => JsonSerializer.Deserialize<string>(Write(text));

    private static string Write(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var destination = new byte[JsonStringUtf8.MaxLength(utf8.Length)];
        var length = JsonStringUtf8.Write(utf8, destination);
        return Encoding.UTF8.GetString(destination, 0, length);
    }
}
