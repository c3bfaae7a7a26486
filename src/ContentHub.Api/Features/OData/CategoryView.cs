using ContentHub.Domain.Languages;

namespace ContentHub.Api.Features.OData;

/// <summary>A category as a portal reads it: named in one language (null when it has no name at all, so the slug stands in).</summary>
public sealed class CategoryView
{
    public Guid Id { get; init; }

    public string Slug { get; init; } = string.Empty;

    public Guid? ParentId { get; init; }

    public string Name { get; init; } = string.Empty;

    public LanguageTag? Language { get; init; }
}
