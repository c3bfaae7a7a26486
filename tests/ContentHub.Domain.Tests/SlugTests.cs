using System.Text;
using ContentHub.Domain.Text;

namespace ContentHub.Domain.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Bắc Giang", "bac-giang")]
    [InlineData("Đường đến Đồng Đăng", "duong-den-dong-dang")]
    [InlineData("Ủy ban nhân dân tỉnh", "uy-ban-nhan-dan-tinh")]
    [InlineData("Mùa vải thiều Lục Ngạn: hương vị đặc trưng!", "mua-vai-thieu-luc-ngan-huong-vi-dac-trung")]
    [InlineData("  --Hội chợ 2026--  ", "hoi-cho-2026")]
    [InlineData("C++ & C#", "c-c")]
    [InlineData("Smørrebrød Straße", "smorrebrod-strase")]
    [InlineData("北江 欢迎您", "北江-欢迎您")]
    [InlineData("박장 리치 축제", "박장-리치-축제")]
    [InlineData("バクザン・ガイド", "バクザン-ガイド")]
    [InlineData("ແຂວງ ບັກຢາງ", "ແຂວງ-ບັກຢາງ")]
    [InlineData("!!!", "")]
    public void Slugs_fold_vietnamese_and_keep_other_scripts(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Fact]
    public void Decomposed_input_gives_the_same_slug_as_composed_input()
    {
        var composed = "Quảng Ninh đối ngoại";
        Assert.Equal(Slug.From(composed), Slug.From(composed.Normalize(NormalizationForm.FormD)));
        Assert.Equal("quang-ninh-doi-ngoai", Slug.From(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Lao_vowel_signs_and_japanese_voicing_marks_survive()
    {
        Assert.Equal("ກິນ", Slug.From("ກິນ"));
        Assert.Equal("ガイド", Slug.From("ガイド".Normalize(NormalizationForm.FormD)));
        Assert.True(Slug.From("한국어").IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary_within_the_limit()
    {
        var title = string.Join(' ', Enumerable.Repeat("khu công nghiệp", 40));
        var whole = string.Join('-', Enumerable.Repeat("khu-cong-nghiep", 40));

        var slug = Slug.From(title);

        Assert.InRange(slug.Length, Slug.MaxLength / 2, Slug.MaxLength);
        Assert.StartsWith(slug + "-", whole, StringComparison.Ordinal);
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("bac-giang", true)]
    [InlineData("北江", true)]
    [InlineData("Bac-Giang", false)]
    [InlineData("bac--giang", false)]
    [InlineData("-bac", false)]
    [InlineData("bắc-giang", false)]
    [InlineData("", false)]
    public void Only_what_slugging_would_keep_is_a_valid_slug(string slug, bool valid)
    {
        Assert.Equal(valid, Slug.IsValid(slug));
    }
}

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Bắc Giang", "bac giang")]
    [InlineData("BẮC  GIANG\tĐối ngoại", "bac giang doi ngoai")]
    [InlineData("Ba\u0306\u0301c Giang", "bac giang")]
    [InlineData("北江 欢迎您", "北江 欢迎您")]
    [InlineData("ກິນ ເຂົ້າ", "ກິນ ເຂົ້າ")]
    public void Folding_removes_latin_diacritics_and_case_only(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }

    [Fact]
    public void Search_text_reads_the_body_without_its_markup()
    {
        Assert.Equal("tieu de dam & lien ket", SearchText.Fold("Tiêu đề " + SearchText.PlainText("<p><strong>Đậm</strong> &amp; <a href=\"https://x\">liên kết</a></p>\n")));
    }
}
