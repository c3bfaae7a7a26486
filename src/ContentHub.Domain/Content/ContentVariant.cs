using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Content;

/// <summary>An item as written in one language.</summary>
public sealed class ContentVariant
{
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 1000;
    public const int MaxSeoDescriptionLength = 320;
    public const int MaxBodyLength = 200_000;

    private ContentVariant()
    {
    }

    public Guid ItemId { get; private set; }

    public LanguageTag Language { get; private set; }

    /// <summary>The item's kind, repeated here because slugs are unique per kind and language.</summary>
    public ContentKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Summary { get; private set; }

    public string BodyMarkdown { get; private set; } = string.Empty;

    /// <summary>Rendered from <see cref="BodyMarkdown"/> when saved, never on read.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public string? SeoDescription { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token, changed by the database on every write of the row.</summary>
    public uint Version { get; private set; }

    internal static ContentVariant Create(ContentItem item, LanguageTag language, VariantText text, string actor, DateTimeOffset now)
    {
        var variant = new ContentVariant
        {
            ItemId = item.Id,
            Language = language,
            Kind = item.Kind,
            CreatedBy = actor,
            CreatedAt = now,
        };
        variant.Replace(text, actor, now);
        return variant;
    }

    public void Replace(VariantText text, string actor, DateTimeOffset now)
    {
        Title = text.Title;
        Summary = text.Summary;
        BodyMarkdown = text.BodyMarkdown;
        BodyHtml = text.BodyHtml;
        Slug = text.Slug;
        SeoDescription = text.SeoDescription;
        UpdatedBy = actor;
        UpdatedAt = now;
    }
}
