using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContentHub.Api.Features.Rendering;
using Markdig;

namespace ContentHub.Api.Tests.Rendering;

/// <summary>
/// The HTML portals show is only as safe as this renderer. Every vector in
/// Golden/markdown-xss-vectors.md is rendered and then parsed as a browser would, and nothing that
/// can run script may come out: no dangerous element, no event-handler or style attribute, no link
/// or image whose scheme is not http, https or mailto.
/// </summary>
public sealed class MarkdownRendererTests
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "p", "a", "img", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "input", "table", "thead", "tbody", "tr", "th", "td",
        "blockquote", "hr", "br", "div", "section", "dl", "dt", "dd", "col", "colgroup",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "id", "rel", "class", "type", "disabled", "checked", "start", "colspan", "rowspan", "role",
    };

    // What a careless change of options would give: raw HTML and generic attributes on.
    private static readonly MarkdownPipeline Permissive = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly MarkdownRenderer _renderer = new();

    public static TheoryData<string> XssVectors()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "markdown-xss-vectors.md"));
        var data = new TheoryData<string>();
        foreach (var vector in text.Split("\n====\n"))
        {
            data.Add(vector.Trim('\n'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void No_vector_yields_anything_that_can_run_script(string markdown)
    {
        AssertNothingRuns(markdown, _renderer.ToHtml(markdown));
    }

    private static void AssertNothingRuns(string markdown, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            Assert.True(AllowedElements.Contains(element.LocalName), $"<{element.LocalName}> rendered from {markdown}: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"Attribute {attribute.Name} rendered from {markdown}: {html}");
            }

            AssertSafeUrl(element, "href", markdown, html);
            AssertSafeUrl(element, "src", markdown, html);
        }
    }

    /// <summary>
    /// A pipeline with raw HTML and generic attributes switched on (as a careless change of options
    /// would do) still yields nothing that can run script: the gate after the pipeline holds.
    /// </summary>
    [Theory]
    [MemberData(nameof(XssVectors))]
    public void The_gate_holds_when_the_pipeline_lets_html_through(string markdown)
    {
        var html = new MarkdownRenderer(Permissive).ToHtml(markdown);

        AssertNothingRuns(markdown, html);
    }

    [Fact]
    public void Without_the_gate_a_permissive_pipeline_would_emit_script()
    {
        // The premise of the test above: the misconfigured pipeline really does let script through.
        const string markdown = "<script>alert(1)</script>\n\n![x](y){onerror=alert(1)}";
        var raw = Markdown.ToHtml(markdown, Permissive);
        Assert.Contains("<script>", raw, StringComparison.Ordinal);
        Assert.Contains("onerror", raw, StringComparison.Ordinal);

        var gated = new MarkdownRenderer(Permissive).ToHtml(markdown);
        Assert.DoesNotContain("script", gated, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", gated, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_gate_keeps_everything_the_safe_pipeline_emits()
    {
        const string markdown = """
            # Khu du lịch Tây Yên Tử

            Đoạn có **đậm**, *nghiêng*, ~~gạch~~, ==đánh dấu==, `mã`, H~2~O, x^2^ và chú thích[^1].
            Dòng ngắt cứng\
            tiếp theo.

            - [x] Việc đã xong
            - [ ] Việc chưa xong

            1. Một
            2. Hai

            > Trích dẫn

            ```csharp
            var x = 1;
            ```

            | Khu | Diện tích |
            |:---|---:|
            | Quang Châu | 426 ha |

            ![Chùa Bổ Đà](/media/bo-da.jpg "Chùa") [Cổng](https://doingoai.bacgiang.gov.vn) <mailto:sngv@bacgiang.gov.vn>

            ---

            [^1]: Nguồn: Sở Văn hóa.
            """;
        var html = _renderer.ToHtml(markdown);

        var parsed = new HtmlParser().ParseDocument(html);
        Assert.Equal(2, parsed.QuerySelectorAll("input[type=checkbox]").Length);
        Assert.NotNull(parsed.QuerySelector("input[checked]"));
        Assert.NotNull(parsed.QuerySelector("a.footnote-ref[href='#fn:1']"));
        Assert.NotNull(parsed.QuerySelector("img[src='/media/bo-da.jpg'][alt='Chùa Bổ Đà'][title='Chùa']"));
        Assert.NotNull(parsed.QuerySelector("a[href='mailto:sngv@bacgiang.gov.vn']"));
        Assert.NotNull(parsed.QuerySelector("code.language-csharp"));
        Assert.NotNull(parsed.QuerySelector("h1#khu-du-lịch-tây-yên-tử"));
        Assert.NotNull(parsed.QuerySelector("br"));
        Assert.NotNull(parsed.QuerySelector("sub"));
        Assert.NotNull(parsed.QuerySelector("sup"));
        Assert.Equal(2, parsed.QuerySelectorAll("td").Length);
    }

    [Fact]
    public void The_golden_file_holds_the_known_vectors()
    {
        Assert.True(XssVectors().Count >= 45);
    }

    [Theory]
    [InlineData("[site](https://bacgiang.gov.vn)", "<p><a href=\"https://bacgiang.gov.vn\" rel=\"noopener noreferrer\">site</a></p>\n")]
    [InlineData("[mail](mailto:sngv@bacgiang.gov.vn)", "<p><a href=\"mailto:sngv@bacgiang.gov.vn\">mail</a></p>\n")]
    [InlineData("[relative](/du-lich/tay-yen-tu)", "<p><a href=\"/du-lich/tay-yen-tu\">relative</a></p>\n")]
    [InlineData("[bad](javascript:alert(1)) text", "<p>bad text</p>\n")]
    [InlineData("![bad image](javascript:alert(1))", "<p>bad image</p>\n")]
    [InlineData("<b>raw</b>", "<p>&lt;b&gt;raw&lt;/b&gt;</p>\n")]
    [InlineData("~~gạch~~ ==đánh dấu==", "<p><del>gạch</del> <mark>đánh dấu</mark></p>\n")]
    [InlineData("## Giới thiệu", "<h2 id=\"giới-thiệu\">Giới thiệu</h2>\n")]
    [InlineData("https://doingoai.bacgiang.gov.vn", "<p><a href=\"https://doingoai.bacgiang.gov.vn\" rel=\"noopener noreferrer\">https://doingoai.bacgiang.gov.vn</a></p>\n")]
    public void Markdown_renders_as_editors_expect(string markdown, string expected)
    {
        Assert.Equal(expected, _renderer.ToHtml(markdown));
    }

    [Fact]
    public void Tables_render_as_tables()
    {
        var html = _renderer.ToHtml("| Khu công nghiệp | Diện tích |\n|---|---|\n| Quang Châu | 426 ha |");
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Khu công nghiệp</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Quang Châu</td>", html, StringComparison.Ordinal);
    }

    private static void AssertSafeUrl(IElement element, string attribute, string markdown, string html)
    {
        var url = element.GetAttribute(attribute);
        if (url is null)
        {
            return;
        }

        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon >= 0 && (slash < 0 || colon < slash))
        {
            var scheme = compact[..colon];
            Assert.True(scheme is "http" or "https" or "mailto", $"{attribute}=\"{url}\" rendered from {markdown}: {html}");
        }
    }
}
