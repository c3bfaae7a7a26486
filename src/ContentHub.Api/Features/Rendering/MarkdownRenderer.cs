using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentHub.Api.Features.Rendering;

/// <summary>
/// Renders editors' Markdown to the HTML portals show. Raw HTML is not passed through, and every
/// link and image destination is checked against <see cref="UrlPolicy"/> after parsing: Markdig
/// keeps <c>javascript:</c> destinations (plain, entity-encoded, in autolinks and reference
/// definitions), so a disallowed link renders as its text and a disallowed image as its alt text.
/// Extensions are chosen one by one; the generic-attributes extension would let <c>{onerror=…}</c> through.
/// What comes out then passes <see cref="HtmlGate"/>, an allow-list of what this pipeline emits.
/// </summary>
public sealed class MarkdownRenderer
{
    // Immutable and thread-safe, so built once.
    private static readonly MarkdownPipeline SafePipeline = Extensions(new MarkdownPipelineBuilder()).Build();

    /// <summary>The same syntax with every node's exact place in the source, for splitting Markdown into segments.</summary>
    internal static MarkdownPipeline LocatingPipeline { get; } = Extensions(new MarkdownPipelineBuilder()).UsePreciseSourceLocation().Build();

    private static MarkdownPipelineBuilder Extensions(MarkdownPipelineBuilder builder) => builder
        .UsePipeTables()
        .UseGridTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml();

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlGate _gate = new();

    public MarkdownRenderer()
        : this(SafePipeline)
    {
    }

    /// <summary>Another pipeline, for tests that show the gate holds when a pipeline lets too much through.</summary>
    internal MarkdownRenderer(MarkdownPipeline pipeline) => _pipeline = pipeline;

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            SecureLink(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!UrlPolicy.IsAllowed(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return _gate.Clean(document.ToHtml(_pipeline));
    }

    private static void SecureLink(LinkInline link)
    {
        if (!UrlPolicy.IsAllowed(link.Url))
        {
            ReplaceByChildren(link);
            return;
        }

        if (!link.IsImage && UrlPolicy.IsExternal(link.Url))
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }
    }

    // The link's text (or an image's alt text) stays; the link itself goes.
    private static void ReplaceByChildren(LinkInline link)
    {
        Inline? child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
