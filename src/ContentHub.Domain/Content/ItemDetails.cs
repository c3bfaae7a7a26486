namespace ContentHub.Domain.Content;

/// <summary>The fields of an item that editors set, the same in every language.</summary>
public sealed record ItemDetails(
    Guid OrgUnitId,
    Guid CategoryId,
    IReadOnlyList<string> Tags,
    bool Sensitive,
    VideoDetails? Video,
    PromoDetails? Promo,
    IReadOnlyList<FileLink> Files);
