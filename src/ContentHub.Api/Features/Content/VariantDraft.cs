namespace ContentHub.Api.Features.Content;

/// <summary>A checked, normalised variant request; <see cref="Slug"/> is null when the editor left it to us.</summary>
public sealed record VariantDraft(string Title, string? Summary, string BodyMarkdown, string? Slug, string? SeoDescription, string? Transcript = null);
