namespace ContentHub.Domain.Content;

/// <summary>
/// What only a promotional asset has: its type, the terms under which it may be used, who made it,
/// and the last day it may be used (portals stop receiving it after that day).
/// </summary>
public sealed record PromoDetails(PromoAssetType AssetType, string? UsageRights, DateOnly? RightsExpireOn, string? Credit = null)
{
    public const int MaxCreditLength = 300;
}
