using Ganss.Xss;

namespace ContentHub.Api.Features.Rendering;

/// <summary>
/// The second gate every rendered body passes: an allow-list of exactly the tags, attributes and URL
/// schemes the Markdown pipeline emits. The pipeline is the first gate (raw HTML off, links checked
/// after parsing); this one holds should a future Markdig extension, a changed option or an imported
/// HTML body let through something the pipeline was never meant to produce.
/// </summary>
public sealed class HtmlGate
{
    private static readonly string[] Tags =
    [
        "p", "a", "img", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "input", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "blockquote", "hr", "br", "div", "section", "dl", "dt", "dd", "col", "colgroup", "span",
    ];

    // "class" carries Markdig's footnote, task-list and code-language classes; "type" only the task-list
    // checkbox ("input" comes from nothing else, and without "name" or "form" it cannot submit).
    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "id", "rel", "class", "type", "disabled", "checked", "start", "colspan", "rowspan", "role",
    ];

    private readonly HtmlSanitizer _sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(UrlPolicy.AllowedSchemes, StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowDataAttributes = false,
    });

    public string Clean(string html) => _sanitizer.Sanitize(html);
}
