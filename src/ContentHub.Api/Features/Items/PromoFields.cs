using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Items;

/// <summary>The fields only a promotional asset has.</summary>
/// <param name="AssetType">Banner, Brochure, Infographic, Photo or Publication.</param>
/// <param name="UsageRights">Who may use the asset and how (licence, credit line).</param>
/// <param name="RightsExpireOn">The last day the asset may be used, if the rights are limited in time.</param>
public sealed record PromoFields(PromoAssetType AssetType, string? UsageRights = null, DateOnly? RightsExpireOn = null);
