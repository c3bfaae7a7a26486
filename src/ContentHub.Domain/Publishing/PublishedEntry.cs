using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Publishing;

/// <summary>
/// An item as portals see it in one language: the last approved text of a published item, with the
/// item's fields copied beside it. Rows change only when approvals or publication change, so an edit
/// in progress never reaches portals, and a published item stays visible while its new text awaits review.
/// </summary>
public sealed class PublishedEntry
{
    private PublishedEntry()
    {
    }

    public Guid ItemId { get; private set; }

    public LanguageTag Language { get; private set; }

    public ContentKind Kind { get; private set; }

    public Guid CategoryId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public List<string> Tags { get; private set; } = [];

    public string Title { get; private set; } = string.Empty;

    public string? Summary { get; private set; }

    public string BodyHtml { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public string? SeoDescription { get; private set; }

    /// <summary>A video's transcript in this language.</summary>
    public string? Transcript { get; private set; }

    public int? VideoDurationSeconds { get; private set; }

    public string? VideoUrl { get; private set; }

    public string? PosterUrl { get; private set; }

    public PromoAssetType? PromoAssetType { get; private set; }

    public string? UsageRights { get; private set; }

    public DateOnly? RightsExpireOn { get; private set; }

    public string? Credit { get; private set; }

    /// <summary>The item's uploaded files as portals reading this language get them.</summary>
    public List<PublishedFile> Files { get; private set; } = [];

    /// <summary>The revision of this language's text that was approved and is shown.</summary>
    public long RevisionId { get; private set; }

    /// <summary>True for text a machine translated (the translation workflow sets it).</summary>
    public bool MachineTranslated { get; private set; }

    /// <summary>The shown text's <see cref="Translation.TextFingerprint"/>.</summary>
    public string TextFingerprint { get; private set; } = string.Empty;

    /// <summary>For a translation, the fingerprint of the source text it was made from.</summary>
    public string? TranslatedFrom { get; private set; }

    /// <summary>When the source language's shown text moved past the one this translation was made from; null while it has not.</summary>
    public DateTimeOffset? SourceUpdatedAt { get; private set; }

    /// <summary>When a person approved this text.</summary>
    public DateTimeOffset ReviewedAt { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>When a portal-visible change to this entry last happened.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the item is due to come down, if it is.</summary>
    public DateTimeOffset? UnpublishAt { get; private set; }

    public static PublishedEntry For(ContentItem item, ContentVariant variant) => new() { ItemId = item.Id, Language = variant.Language };

    /// <summary>Copies the approved text and the item's fields as they are now.</summary>
    public void Show(ContentItem item, ContentVariant variant, long revisionId, DateTimeOffset reviewedAt, List<PublishedFile> files, DateTimeOffset now)
    {
        Kind = item.Kind;
        CategoryId = item.CategoryId;
        OrgUnitId = item.OrgUnitId;
        Tags = [.. item.Tags];
        Title = variant.Title;
        Summary = variant.Summary;
        BodyHtml = variant.BodyHtml;
        Slug = variant.Slug;
        SeoDescription = variant.SeoDescription;
        Transcript = variant.Transcript;
        VideoDurationSeconds = item.Video?.DurationSeconds;
        VideoUrl = item.Video?.VideoUrl?.ToString();
        PosterUrl = item.Video?.PosterUrl?.ToString();
        PromoAssetType = item.Promo?.AssetType;
        UsageRights = item.Promo?.UsageRights;
        RightsExpireOn = item.Promo?.RightsExpireOn;
        Credit = item.Promo?.Credit;
        Files = files;
        RevisionId = revisionId;
        TextFingerprint = variant.Fingerprint;
        TranslatedFrom = variant.Language == item.SourceLanguage ? null : variant.Translation?.SourceFingerprint;
        MachineTranslated = variant.Translation?.Origin == Translation.TranslationOrigin.Machine;
        ReviewedAt = reviewedAt;
        PublishedAt = item.PublishedAt ?? now;
        UnpublishAt = item.UnpublishAt;
        UpdatedAt = now;
    }

    /// <summary>Marks a translation whose source has shown newer text since (or clears the mark), as portals should know.</summary>
    public void CompareWithSource(PublishedEntry? source, DateTimeOffset now)
    {
        DateTimeOffset? lagsSince = TranslatedFrom is not null && source is not null && source.TextFingerprint != TranslatedFrom
            ? SourceUpdatedAt ?? source.ReviewedAt
            : null;
        if (lagsSince != SourceUpdatedAt)
        {
            SourceUpdatedAt = lagsSince;
            UpdatedAt = now;
        }
    }

    /// <summary>
    /// Keeps the shown text, but takes what all languages of the item share from <paramref name="shared"/>
    /// (kind, category, publication window). (The languages an item is available in are read from the
    /// entries themselves, so that two languages approved at once cannot overwrite each other's list.)
    /// </summary>
    public void Follow(PublishedItem shared, DateTimeOffset now)
    {
        if (Kind != shared.Kind || CategoryId != shared.CategoryId || PublishedAt != shared.PublishedAt || UnpublishAt != shared.UnpublishAt)
        {
            Kind = shared.Kind;
            CategoryId = shared.CategoryId;
            PublishedAt = shared.PublishedAt;
            UnpublishAt = shared.UnpublishAt;
            UpdatedAt = now;
        }
    }
}
