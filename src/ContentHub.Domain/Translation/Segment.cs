namespace ContentHub.Domain.Translation;

/// <summary>
/// One translatable unit of a variant: its title, summary, SEO description, or one Markdown block of
/// its body (a paragraph, heading, list item or table cell). Ids are stable for the same source
/// (<c>title</c>, <c>body/3</c>), so a translation and its source align segment by segment.
/// </summary>
public sealed record Segment(string Id, TaggedText Text, IReadOnlyList<InlineCode> Codes)
{
    public InlineCode? Code(int id) => Codes.FirstOrDefault(c => c.Id == id);
}
