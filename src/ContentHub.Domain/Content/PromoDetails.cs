namespace ContentHub.Domain.Content;

/// <summary>What only a promotional asset has: its type and the terms under which it may be used.</summary>
public sealed record PromoDetails(PromoAssetType AssetType, string? UsageRights, DateOnly? RightsExpireOn);
