namespace ContentHub.Api.Features.Items;

/// <summary>The text of an item in one language.</summary>
/// <param name="Title">Required, at most 300 characters.</param>
/// <param name="BodyMarkdown">The body in Markdown (at most 200,000 characters). Raw HTML is shown as text; links may be http, https, mailto or relative.</param>
/// <param name="Summary">A short lead, at most 1,000 characters.</param>
/// <param name="Slug">The URL name, unique per kind and language. Made from the title when left out on creation, and kept when left out on replacement.</param>
/// <param name="SeoDescription">The description search engines show, at most 320 characters.</param>
/// <param name="Transcript">Videos only: what is said in the video in this language, as plain text (a line per utterance), at most 200,000 characters.</param>
public sealed record VariantRequest(string Title, string BodyMarkdown = "", string? Summary = null, string? Slug = null, string? SeoDescription = null, string? Transcript = null);
