using System.Text.Json;
using System.Text.Json.Serialization;
using ContentHub.Domain.Content;

namespace ContentHub.Domain.Revisions;

/// <summary>
/// A language variant as a revision stores it. The HTML is not kept: it is rendered again on restore.
/// A transcript is written only where there is one, so snapshots of other texts keep their shape.
/// </summary>
public sealed record VariantSnapshot(string Title, string? Summary, string BodyMarkdown, string Slug, string? SeoDescription,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Transcript = null)
{
    public static VariantSnapshot Of(ContentVariant variant) =>
        new(variant.Title, variant.Summary, variant.BodyMarkdown, variant.Slug, variant.SeoDescription, variant.Transcript);

    public string ToJson() => JsonSerializer.Serialize(this, SnapshotJson.Options);

    public static VariantSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<VariantSnapshot>(json, SnapshotJson.Options) ?? throw new JsonException("Empty variant snapshot.");
}
