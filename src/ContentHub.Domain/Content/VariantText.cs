namespace ContentHub.Domain.Content;

/// <summary>The text of one language variant, already normalised, with its HTML rendered once at save time.</summary>
public sealed record VariantText(
    string Title,
    string? Summary,
    string BodyMarkdown,
    string BodyHtml,
    string Slug,
    string? SeoDescription,
    string? Transcript = null);
