using System.Text.Json;
using ContentHub.Domain.Content;

namespace ContentHub.Domain.Revisions;

/// <summary>The item-level fields as a revision stores them.</summary>
public sealed record ItemSnapshot(
    Guid OrgUnitId,
    Guid CategoryId,
    IReadOnlyList<string> Tags,
    bool Sensitive,
    VideoDetails? Video,
    PromoDetails? Promo,
    IReadOnlyList<FileLink>? Files = null)
{
    public static ItemSnapshot Of(ContentItem item) =>
        new(item.OrgUnitId, item.CategoryId, item.Tags, item.Sensitive, item.Video, item.Promo, item.Files.Count == 0 ? null : item.Files.Select(f => f.Link).ToList());

    // Snapshots from before files were attached have none.
    public ItemDetails ToDetails() => new(OrgUnitId, CategoryId, Tags, Sensitive, Video, Promo, Files ?? []);

    public string ToJson() => JsonSerializer.Serialize(this, SnapshotJson.Options);

    public static ItemSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ItemSnapshot>(json, SnapshotJson.Options) ?? throw new JsonException("Empty item snapshot.");
}
