using ContentHub.Api.Features.Rendering;
using ContentHub.Api.Features.Translation;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Tests.Translation;

/// <summary>
/// Markdown goes to translators and machines by structure: one segment per block, inline text only,
/// and comes back with every link, image, code span, number and table cell in place.
/// </summary>
public sealed class MarkdownSegmentsTests
{
    private const string Marker = "zqzq";

    private static readonly string[] Inlines =
    [
        "Tỉnh Bắc Giang", "đón 1.250 nhà đầu tư", "*nhấn mạnh*", "**đậm**", "[cổng thông tin](https://doingoai.bacgiang.gov.vn/tin \"Tiêu đề\")",
        "`mã nguồn`", "![ảnh cửa khẩu](https://example.org/a.jpg)", "https://bacgiang.gov.vn", "năm 2026", "a \\* b", "giá 3,5%",
        "~~cũ~~", "H~2~O", "&amp; và", "**[liên kết đậm](https://example.org)**", "_nghiêng [có liên kết](https://x.org/y) bên trong_",
        "chữ ພາສາລາວ ແລະ 中文 한국어", "câu có\ndòng mới", "kết thúc.",
    ];

    private static readonly string[] Blocks =
    [
        "# {0}", "## {0} {1}", "{0} {1} {2}", "- {0}\n- {1} {2}", "1. {0}\n2. {1}", "> {0} {1}", "| A | B |\n|---|---|\n| {0} | {1} |",
        "```\ncode {0}\n```", "    indented code", "Setext {0}\n---", "- [ ] {0}\n- [x] {1}", "---", "{0}[^1]\n\n[^1]: {1}",
        "- {0}\n\n  {1} tiếp", "Term **{0}**: {1}",
    ];

    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void A_body_is_split_into_one_segment_per_block_with_its_markup_as_codes()
    {
        const string body = "# Đầu tư vào Bắc Giang\n\nNăm 2026, [Sở Ngoại vụ](https://songoaivu.bacgiang.gov.vn) đón **nhiều** đoàn; xem `mã`.\n\n```\nkhông dịch\n```\n\n| Huyện | Dân số |\n|---|---|\n| Lục Nam | 230.000 |\n";

        var segments = MarkdownSegments.Split(body).Segments;

        Assert.Equal(
            ["Đầu tư vào Bắc Giang", "Năm {1/}, {2}Sở Ngoại vụ{/2} đón {3}nhiều{/3} đoàn; xem {4/}.", "Huyện", "Dân số", "Lục Nam"],
            segments.Select(s => s.Text.Canonical));
        var paragraph = segments[1];
        Assert.Equal(new InlineCode(1, CodeKind.Number, "2026"), paragraph.Code(1));
        Assert.Equal(new InlineCode(2, CodeKind.Link, "[", "](https://songoaivu.bacgiang.gov.vn)"), paragraph.Code(2));
        Assert.Equal(CodeKind.Code, paragraph.Code(4)!.Kind);
        Assert.DoesNotContain(segments, s => s.Text.PlainText.Contains("không dịch", StringComparison.Ordinal));
    }

    [Fact]
    public void Translated_segments_go_back_in_place_and_everything_else_is_copied()
    {
        const string body = "Xin chào [Bắc Giang](https://bacgiang.gov.vn \"BG\")!\n\n```\nkhông dịch\n```\n\n- **Lục Nam** huyện\n";
        var split = MarkdownSegments.Split(body);
        var translations = new Dictionary<string, TaggedText>
        {
            ["body/0"] = TaggedText.FromCanonical("Hello {1}Bac Giang{/1}!")!,
            ["body/1"] = TaggedText.FromCanonical("{1}Luc Nam{/1} district * 2")!,
        };

        var joined = split.Join(translations);

        Assert.Equal("Hello [Bac Giang](https://bacgiang.gov.vn \"BG\")!\n\n```\nkhông dịch\n```\n\n- **Luc Nam** district \\* 2\n", joined);
    }

    [Fact]
    public void A_body_joined_from_its_own_segments_is_the_body_itself()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 300; i++)
        {
            var body = RandomBody(random);
            var split = MarkdownSegments.Split(body);
            Assert.Equal(body, split.Join(split.Segments.ToDictionary(s => s.Id, s => s.Text)));
        }
    }

    [Fact]
    public void Segments_written_back_render_as_the_source_did()
    {
        // Each segment's first text gets a marker, so every segment is written back from its runs and
        // codes rather than copied; without the marker the HTML must be the source's HTML.
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var body = RandomBody(random);
            var split = MarkdownSegments.Split(body);
            var marked = split.Segments.ToDictionary(s => s.Id, s => Marked(s.Text));

            var joined = split.Join(marked);

            var expected = _renderer.ToHtml(body);
            var actual = _renderer.ToHtml(joined).Replace(Marker, string.Empty, StringComparison.Ordinal);
            Assert.True(expected == actual, $"Case {i}:\n{body}\n---- joined:\n{joined}\n---- html:\n{expected}\n---- joined html:\n{actual}");
        }
    }

    [Fact]
    public void Every_segment_survives_the_machine_markup_and_back()
    {
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            foreach (var segment in MarkdownSegments.Split(RandomBody(random)).Segments)
            {
                var html = MachineMarkup.ToHtml(segment.Text);
                Assert.Equal(segment.Text, MachineMarkup.FromHtml(html, segment.Text));
                Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("<span id=\"g1\">Hello</span> <b>x</b>")]
    [InlineData("Hello")]
    [InlineData("<span id=\"g1\">Hello <span class=\"notranslate\" id=\"x2\"></span></span> <span class=\"notranslate\" id=\"x2\"></span>")]
    [InlineData("<span id=\"g1\">Hello</span></span>")]
    [InlineData("<span id=\"g1\">Hello <span class=\"notranslate\" id=\"x3\"></span>")]
    public void A_machine_answer_that_loses_breaks_or_adds_markup_is_refused(string answer)
    {
        var source = TaggedText.FromCanonical("{1}Xin chào{/1} {2/}")!;

        Assert.Null(MachineMarkup.FromHtml(answer, source));
    }

    [Fact]
    public void The_canonical_form_reads_back_and_refuses_what_is_not_well_formed()
    {
        var text = TaggedText.FromCanonical("a {{b}} {1}c{/1}{2/}")!;
        Assert.Equal("a {b} c", text.PlainText);
        Assert.Equal("a {{b}} {1}c{/1}{2/}", text.Canonical);
        Assert.Null(TaggedText.FromCanonical("{1}c"));
        Assert.Null(TaggedText.FromCanonical("{1}c{/2}"));
        Assert.Null(TaggedText.FromCanonical("a } b"));
        Assert.Null(TaggedText.FromCanonical("{2/}{2/}"));
    }

    private static TaggedText Marked(TaggedText text)
    {
        var runs = text.Runs.ToList();
        var first = runs.FindIndex(r => r is Run.Text);
        runs[first] = new Run.Text(Marker + ((Run.Text)runs[first]).Value);
        return new TaggedText(runs);
    }

    private static string RandomBody(Random random)
    {
        var blocks = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
        {
            var args = Enumerable.Range(0, 3).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Inlines[random.Next(Inlines.Length)]))).ToArray<object>();
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, Blocks[random.Next(Blocks.Length)], args);
        });
        return string.Join("\n\n", blocks) + (random.Next(2) == 0 ? "\n" : string.Empty);
    }
}
