using ContentHub.Domain.Taxonomy;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>A category.</summary>
/// <param name="Id">The category's id.</param>
/// <param name="Slug">Its stable key.</param>
/// <param name="ParentId">Its parent, or null at the top.</param>
/// <param name="Names">Its name per language.</param>
public sealed record CategoryResponse(Guid Id, string Slug, Guid? ParentId, IReadOnlyDictionary<string, string> Names)
{
    public static CategoryResponse From(Category category) =>
        new(category.Id, category.Slug, category.ParentId, NamesInput.ToResponse(category.Names));
}
