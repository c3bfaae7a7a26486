using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>The fields only a promotional asset has.</summary>
/// <param name="AssetType">Banner, Brochure, Infographic, Photo or Publication.</param>
/// <param name="UsageRights">Who may use the asset and how (licence).</param>
/// <param name="RightsExpireOn">The last day the asset may be used, if the rights are limited in time; portals stop receiving it after that day.</param>
/// <param name="Credit">Who made the asset, as portals should credit it.</param>
/// <param name="Files">The asset's uploaded files (images, PDF, video): one for every language (no language), or one per language where the content differs (a brochure in Korean); a language's own file is used before the one for every language.</param>
public sealed record PromoFields(
    PromoAssetType AssetType,
    string? UsageRights = null,
    DateOnly? RightsExpireOn = null,
    string? Credit = null,
    IReadOnlyList<LanguageFile>? Files = null);
