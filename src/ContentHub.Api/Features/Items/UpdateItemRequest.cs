namespace ContentHub.Api.Features.Items;

/// <summary>The item's own fields, replaced as a whole. The kind and source language never change.</summary>
/// <param name="OrgUnitId">The organisation unit that owns the item.</param>
/// <param name="CategoryId">The item's category.</param>
/// <param name="Tags">Free keywords, at most 30 of at most 60 characters each.</param>
/// <param name="Sensitive">True for sensitive matters that need a second sign-off before release.</param>
/// <param name="Video">Required for a Video, not allowed otherwise.</param>
/// <param name="Promo">Required for a PromoAsset, not allowed otherwise.</param>
public sealed record UpdateItemRequest(
    Guid OrgUnitId,
    Guid CategoryId,
    IReadOnlyList<string>? Tags = null,
    bool Sensitive = false,
    VideoFields? Video = null,
    PromoFields? Promo = null);
