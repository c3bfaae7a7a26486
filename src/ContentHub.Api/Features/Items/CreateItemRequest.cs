using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>A new item with its first language variant, which is in the source language.</summary>
/// <param name="Kind">Article, Video or PromoAsset.</param>
/// <param name="SourceLanguage">The language the item is written in: vi, en, zh-Hans, ko, ja or lo (aliases such as zh-CN are accepted).</param>
/// <param name="OrgUnitId">The organisation unit that owns the item.</param>
/// <param name="CategoryId">The item's category.</param>
/// <param name="Variant">The text in the source language.</param>
/// <param name="Tags">Free keywords, at most 30 of at most 60 characters each.</param>
/// <param name="Sensitive">True for sensitive matters that need a second sign-off before release.</param>
/// <param name="Video">Required for a Video, not allowed otherwise.</param>
/// <param name="Promo">Required for a PromoAsset, not allowed otherwise.</param>
public sealed record CreateItemRequest(
    ContentKind Kind,
    string SourceLanguage,
    Guid OrgUnitId,
    Guid CategoryId,
    VariantRequest Variant,
    IReadOnlyList<string>? Tags = null,
    bool Sensitive = false,
    VideoFields? Video = null,
    PromoFields? Promo = null);
