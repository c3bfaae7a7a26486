using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Content;

/// <summary>
/// An article, video or promotional asset, with one <see cref="ContentVariant"/> per language it
/// exists in. The item holds what is the same in every language; the variants hold the text.
/// </summary>
public sealed class ContentItem
{
    public const int MaxTags = 30;
    public const int MaxTagLength = 60;

    private readonly List<ContentVariant> _variants = [];

    private ContentItem()
    {
    }

    public Guid Id { get; private set; }

    public ContentKind Kind { get; private set; }

    /// <summary>The language the item was written in; translations are made from it.</summary>
    public LanguageTag SourceLanguage { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid CategoryId { get; private set; }

    public List<string> Tags { get; private set; } = [];

    /// <summary>Sensitive matters (borders, religion, incidents…) need a second sign-off before release.</summary>
    public bool Sensitive { get; private set; }

    public EditorialState State { get; private set; }

    public VideoDetails? Video { get; private set; }

    public PromoDetails? Promo { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token, changed by the database on every write of the row.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<ContentVariant> Variants => _variants;

    public static ContentItem Create(Guid id, ContentKind kind, LanguageTag sourceLanguage, ItemDetails details, string actor, DateTimeOffset now)
    {
        var item = new ContentItem
        {
            Id = id,
            Kind = kind,
            SourceLanguage = sourceLanguage,
            State = EditorialState.Draft,
            CreatedBy = actor,
            CreatedAt = now,
        };
        item.Apply(details, actor, now);
        return item;
    }

    public void Update(ItemDetails details, string actor, DateTimeOffset now) => Apply(details, actor, now);

    public ContentVariant? FindVariant(LanguageTag language) => _variants.Find(v => v.Language == language);

    public ContentVariant AddVariant(LanguageTag language, VariantText text, string actor, DateTimeOffset now)
    {
        if (FindVariant(language) is not null)
        {
            throw new InvalidOperationException($"Item {Id} already has a {language} variant.");
        }

        var variant = ContentVariant.Create(this, language, text, actor, now);
        _variants.Add(variant);
        return variant;
    }

    public void RemoveVariant(ContentVariant variant)
    {
        if (variant.Language == SourceLanguage)
        {
            throw new InvalidOperationException("The source-language variant cannot be removed while the item exists.");
        }

        _variants.Remove(variant);
    }

    private void Apply(ItemDetails details, string actor, DateTimeOffset now)
    {
        if ((Kind == ContentKind.Video) != (details.Video is not null) || (Kind == ContentKind.PromoAsset) != (details.Promo is not null))
        {
            throw new ArgumentException($"A {Kind} carries exactly the details of its kind.", nameof(details));
        }

        OrgUnitId = details.OrgUnitId;
        CategoryId = details.CategoryId;
        Tags = [.. details.Tags];
        Sensitive = details.Sensitive;
        Video = details.Video;
        Promo = details.Promo;
        UpdatedBy = actor;
        UpdatedAt = now;
    }
}
