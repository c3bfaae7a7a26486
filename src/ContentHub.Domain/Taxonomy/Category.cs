using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Taxonomy;

/// <summary>A node in the hierarchy of subjects a portal is organised by (tourism, investment…).</summary>
public sealed class Category
{
    public const int MaxDepth = 5;

    private readonly List<LocalizedName> _names = [];

    private Category()
    {
    }

    public Category(Guid id, string slug, Guid? parentId, IReadOnlyDictionary<LanguageTag, string> names)
    {
        Id = id;
        Update(slug, parentId, names);
    }

    public Guid Id { get; private set; }

    /// <summary>A stable, language-neutral key such as <c>investment</c>.</summary>
    public string Slug { get; private set; } = string.Empty;

    public Guid? ParentId { get; private set; }

    public IReadOnlyList<LocalizedName> Names => _names;

    public void Update(string slug, Guid? parentId, IReadOnlyDictionary<LanguageTag, string> names)
    {
        if (parentId == Id)
        {
            throw new ArgumentException("A category cannot be its own parent.", nameof(parentId));
        }

        Slug = slug;
        ParentId = parentId;
        LocalizedNames.Assign(_names, names);
    }
}
