namespace ContentHub.Api.Features.Taxonomy;

/// <summary>A category as an editor creates or replaces it.</summary>
/// <param name="Slug">A stable key such as "tourism": lower-case letters, digits and hyphens, unique.</param>
/// <param name="Names">The name per language, for example {"vi": "Du lịch", "en": "Tourism"}.</param>
/// <param name="ParentId">The parent category, for a sub-category (at most 5 levels).</param>
public sealed record CategoryRequest(string Slug, IReadOnlyDictionary<string, string> Names, Guid? ParentId = null);
