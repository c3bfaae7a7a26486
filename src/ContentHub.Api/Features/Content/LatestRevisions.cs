using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Content;

/// <summary>
/// The newest revision of an item's own fields and of each variant: an approval counts only while it
/// names that revision, so any later save re-opens review for exactly what changed.
/// </summary>
public sealed record LatestRevisions(long? ItemFields, IReadOnlyDictionary<LanguageTag, long> Variants)
{
    public static async Task<LatestRevisions> LoadAsync(ContentHubDbContext db, Guid itemId, CancellationToken cancellationToken)
    {
        var rows = await db.Revisions.AsNoTracking().Where(r => r.ItemId == itemId)
            .GroupBy(r => r.Language)
            .Select(g => new { Language = g.Key, Latest = g.Max(r => r.Id) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new LatestRevisions(
            rows.FirstOrDefault(r => r.Language == null)?.Latest,
            rows.Where(r => r.Language != null).ToDictionary(r => r.Language!.Value, r => r.Latest));
    }

    public long? Of(LanguageTag language) => Variants.TryGetValue(language, out var id) ? id : null;

    /// <summary>Approved (and, for sensitive items, signed off) as it stands now, and not withdrawn.</summary>
    public bool IsCleared(ContentItem item, ContentVariant variant) =>
        !variant.Withdrawn
        && variant.Review?.Covers(Of(variant.Language)) == true
        && (!item.Sensitive || variant.SignOff?.Covers(Of(variant.Language)) == true);

    /// <summary>What still stands between the item and publication; empty when it may be published.</summary>
    public IReadOnlyList<string> MissingForPublication(ContentItem item)
    {
        var missing = new List<string>();
        if (item.Review?.Covers(ItemFields) != true)
        {
            missing.Add("the item's fields are not approved as they stand");
        }

        if (item.Sensitive && item.SignOff?.Covers(ItemFields) != true)
        {
            missing.Add("the item is sensitive and its fields lack a lead's sign-off");
        }

        var source = item.FindVariant(item.SourceLanguage);
        if (source is null || source.Review?.Covers(Of(source.Language)) != true)
        {
            missing.Add($"the {item.SourceLanguage} text is not approved as it stands");
        }
        else if (item.Sensitive && source.SignOff?.Covers(Of(source.Language)) != true)
        {
            missing.Add($"the item is sensitive and its {item.SourceLanguage} text lacks a lead's sign-off");
        }

        return missing;
    }
}
