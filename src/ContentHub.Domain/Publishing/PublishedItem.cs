using ContentHub.Domain.Content;

namespace ContentHub.Domain.Publishing;

/// <summary>
/// One row per published item that has entries: what every language of it shares on portals (kind,
/// category, publication window). Portal lists walk these rows newest first and pick each item's
/// entry in the best language of their chain, so a list reads a page of items instead of every entry
/// of a language to find the ones that lack a better one. It also lists the item's languages, so a
/// list row carries them without a query per row.
/// </summary>
public sealed class PublishedItem
{
    private PublishedItem()
    {
    }

    public Guid ItemId { get; private set; }

    public ContentKind Kind { get; private set; }

    public Guid CategoryId { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public DateTimeOffset? UnpublishAt { get; private set; }

    /// <summary>The languages the item has entries in (BCP 47 codes, in ordinal order).</summary>
    public string[] Languages { get; private set; } = [];

    /// <summary>The languages whose entry a person reviewed: what portals that refuse unreviewed machine translation are told of.</summary>
    public string[] ReviewedLanguages { get; private set; } = [];

    public static PublishedItem For(ContentItem item, DateTimeOffset now)
    {
        var published = new PublishedItem { ItemId = item.Id };
        published.Show(item, now);
        return published;
    }

    /// <summary>Takes the item's fields as approved now (a language of it was just approved or published).</summary>
    public void Show(ContentItem item, DateTimeOffset now)
    {
        Kind = item.Kind;
        CategoryId = item.CategoryId;
        Follow(item, now);
    }

    /// <summary>Follows the item's publication times, which change without a new approval (scheduling, unpublishing).</summary>
    public void Follow(ContentItem item, DateTimeOffset now)
    {
        PublishedAt = item.PublishedAt ?? (PublishedAt == default ? now : PublishedAt);
        UnpublishAt = item.UnpublishAt;
    }

    /// <summary>Lists the item's languages as its entries now are.</summary>
    public void List(IEnumerable<PublishedEntry> entries)
    {
        var all = entries.OrderBy(e => e.Language.Code, StringComparer.Ordinal).ToList();
        var languages = all.Select(e => e.Language.Code).ToArray();
        var reviewed = all.Where(e => !e.MachineTranslated).Select(e => e.Language.Code).ToArray();
        // Assigned only when different, so an unchanged list does not rewrite the row.
        if (!languages.SequenceEqual(Languages, StringComparer.Ordinal))
        {
            Languages = languages;
        }

        if (!reviewed.SequenceEqual(ReviewedLanguages, StringComparer.Ordinal))
        {
            ReviewedLanguages = reviewed;
        }
    }
}
