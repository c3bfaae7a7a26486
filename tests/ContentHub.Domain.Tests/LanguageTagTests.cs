using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Tests;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("vi", "vi")]
    [InlineData("VI", "vi")]
    [InlineData("vi-VN", "vi")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("en_US", "en")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-hans-cn", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("ko-KR", "ko")]
    [InlineData("ja", "ja")]
    [InlineData("lo-LA", "lo")]
    [InlineData(" lo ", "lo")]
    public void Supported_tags_and_aliases_normalise_to_the_canonical_tag(string input, string expected)
    {
        Assert.True(LanguageTag.TryParse(input, out var tag));
        Assert.Equal(expected, tag.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    [InlineData("zh-TW")]
    [InlineData("zh-Hant")]
    [InlineData("zh-HK")]
    [InlineData("th")]
    [InlineData("vi-")]
    [InlineData("en-<script>")]
    [InlineData("vie")]
    public void Other_languages_and_malformed_tags_are_refused(string? input)
    {
        Assert.False(LanguageTag.TryParse(input, out _));
    }

    [Fact]
    public void All_six_languages_are_listed_in_order()
    {
        Assert.Equal(["vi", "en", "zh-Hans", "ko", "ja", "lo"], LanguageTag.All.Select(l => l.Code));
        Assert.Equal(LanguageTag.ChineseSimplified, LanguageTag.Parse("zh-CN"));
        Assert.Throws<FormatException>(() => LanguageTag.Parse("fr"));
    }
}
