namespace ContentHub.Domain.Translation;

/// <summary>What a code in a segment stands for.</summary>
public enum CodeKind
{
    Emphasis,
    Link,
    Image,
    Code,
    Url,
    Number,
    LineBreak,
    Markup,
    Term,
}

/// <summary>
/// The Markdown behind one code of a segment: for a pair, what comes before and after the text it
/// wraps (<c>[</c> and <c>](https://…)</c>); for a standalone code, the exact source it replaces.
/// </summary>
public sealed record InlineCode(int Id, CodeKind Kind, string Before, string After = "")
{
    public bool IsPair => Kind is CodeKind.Emphasis or CodeKind.Link or CodeKind.Image;
}
