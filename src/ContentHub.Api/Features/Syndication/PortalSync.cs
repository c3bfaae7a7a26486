using ContentHub.Api.Features.OData;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// Incremental sync for a portal. The first calls list everything the portal carries; later calls
/// return what changed since the cursor. Changes are read by the transaction ids that wrote them, and
/// only below the horizon of the reading statement's snapshot (<c>pg_snapshot_xmin</c>): every
/// transaction with a lower id has finished, so none of them can still commit a change the cursor
/// has moved past. A transaction that runs long holds the horizon back — the sync waits for it
/// rather than skip it. Each changed item is answered with its current state in every language asked for.
/// </summary>
public sealed class PortalSync(ContentHubDbContext db, PortalEntries entries, SyncRetention retention, PortalFileLinks files)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public async Task<Outcome<SyncPage>> PageAsync(Portal portal, string? cursorText, string? languagesText, string? kindsText, int? pageSize, string serviceBase, CancellationToken cancellationToken)
    {
        var page = await PageAsync(portal, cursorText, languagesText, kindsText, pageSize, cancellationToken).ConfigureAwait(false);
        return page.Map(p => p with
        {
            Changes = p.Changes.Select(c => c.Entry is { Stored: { } stored } entry ? c with { Entry = WithAddresses(entry, files.For(serviceBase, portal, stored)) } : c).ToList(),
        });
    }

    // The files with the portal's addresses, and the images the body places pointing at them.
    private static SyncEntry WithAddresses(SyncEntry entry, IReadOnlyList<PortalFile> portalFiles) =>
        entry with { Files = portalFiles, Body = PortalHtml.ForPortal(entry.Body, portalFiles), Stored = null };

    private async Task<Outcome<SyncPage>> PageAsync(Portal portal, string? cursorText, string? languagesText, string? kindsText, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var languages = Languages(portal, languagesText, errors);
        var kinds = Kinds(portal, kindsText, errors);
        var size = pageSize ?? DefaultPageSize;
        errors.Require(size is >= 1 and <= MaxPageSize, "pageSize", $"From 1 to {MaxPageSize}.");
        var scope = SyncCursor.ScopeOf(portal, languages.Select(l => l.Code), kinds.Select(k => k.ToString()));
        SyncCursor? cursor = null;
        if (cursorText is not null)
        {
            cursor = SyncCursor.Decode(cursorText);
            errors.Require(cursor is not null, "cursor", "Not a cursor this service gave.");
        }

        if (errors.Any)
        {
            return errors.ToOutcome<SyncPage>();
        }

        if (cursor is not null && cursor.Scope != scope)
        {
            return new Outcome<SyncPage>.Conflict("The portal's settings or the languages and kinds asked for changed since this cursor was given: sync again from the start (no cursor).");
        }

        if (cursor is not null && Math.Max(cursor.Listing ? cursor.Start - 1 : cursor.Transaction, 0) < await retention.PrunedThroughAsync(cancellationToken).ConfigureAwait(false))
        {
            return new Outcome<SyncPage>.Gone("Changes since this cursor were pruned (they are kept for a limited time): sync again from the start (no cursor).");
        }

        cursor ??= new SyncCursor(scope, Listing: true, await HorizonAsync(cancellationToken).ConfigureAwait(false), 0, Guid.Empty, 0, 0);
        return cursor.Listing
            ? await ListingAsync(portal, cursor, languages, kinds, size, cancellationToken).ConfigureAwait(false)
            : await ChangesAsync(portal, cursor, languages, kinds, size, cancellationToken).ConfigureAwait(false);
    }

    // Everything the portal carries, language by language, by item id; then the changes since the listing began.
    private async Task<SyncPage> ListingAsync(Portal portal, SyncCursor cursor, List<LanguageTag> languages, List<ContentKind> kinds, int size, CancellationToken cancellationToken)
    {
        var records = new List<SyncRecord>();
        var (language, after) = (cursor.AfterLanguage, cursor.AfterItem);
        while (language < languages.Count && records.Count < size)
        {
            var rows = new List<(Guid ItemId, SyncEntry Entry)>();
            foreach (var kind in kinds)
            {
                var from = after;
                rows.AddRange(await Project(entries.Visible(portal, kind, [languages[language]]).Where(l => l.Item.ItemId.CompareTo(from) > 0).OrderBy(l => l.Item.ItemId).Take(size - records.Count))
                    .ToListAsync(cancellationToken).ConfigureAwait(false));
            }

            var page = rows.OrderBy(r => r.ItemId).Take(size - records.Count).ToList();
            records.AddRange(page.Select(r => new SyncRecord(r.ItemId, languages[language].Code, false, r.Entry)));
            if (page.Count == 0 || records.Count < size)
            {
                (language, after) = (language + 1, Guid.Empty);
            }
            else
            {
                after = page[^1].ItemId;
            }
        }

        var next = language < languages.Count
            ? cursor with { AfterLanguage = language, AfterItem = after }
            : cursor with { Listing = false, Transaction = cursor.Start - 1, Change = long.MaxValue };
        return new SyncPage(records, next.Encode(), More: true);
    }

    private async Task<SyncPage> ChangesAsync(Portal portal, SyncCursor cursor, List<LanguageTag> languages, List<ContentKind> kinds, int size, CancellationToken cancellationToken)
    {
        // One statement, so the horizon and the rows come from the same snapshot.
        var rows = await db.Database.SqlQuery<ChangeRow>($"""
            WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS below)
            SELECT c.id AS "Id", c.transaction_id AS "TransactionId", c.item_id AS "ItemId"
            FROM sync_changes c, horizon
            WHERE c.transaction_id < horizon.below AND (c.transaction_id, c.id) > ({cursor.Transaction}, {cursor.Change})
            ORDER BY c.transaction_id, c.id
            LIMIT {size + 1}
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        var more = rows.Count > size;
        rows = rows.Take(size).ToList();
        if (rows.Count == 0)
        {
            return new SyncPage([], cursor.Encode(), More: false);
        }

        // The current state of each changed item, once, in the order of its last change.
        var order = rows.GroupBy(r => r.ItemId).Select(g => (ItemId: g.Key, Last: g.Max(r => (r.TransactionId, r.Id)))).OrderBy(x => x.Last).Select(x => x.ItemId).ToList();
        var current = new Dictionary<(Guid, string), SyncEntry>();
        foreach (var language in languages)
        {
            foreach (var kind in kinds)
            {
                foreach (var (itemId, entry) in await Project(entries.Visible(portal, kind, [language]).Where(l => order.Contains(l.Item.ItemId))).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    current[(itemId, language.Code)] = entry;
                }
            }
        }

        var records = order.SelectMany(itemId => languages.Select(language =>
            current.TryGetValue((itemId, language.Code), out var entry)
                ? new SyncRecord(itemId, language.Code, false, entry)
                : new SyncRecord(itemId, language.Code, true, null))).ToList();
        var last = rows[^1];
        return new SyncPage(records, (cursor with { Transaction = last.TransactionId, Change = last.Id }).Encode(), more);
    }

    private static IQueryable<(Guid ItemId, SyncEntry Entry)> Project(IQueryable<Listing> listings) =>
        listings.Select(l => new ValueTuple<Guid, SyncEntry>(l.Item.ItemId, new SyncEntry(
            l.Item.Kind.ToString(), l.Entry.Title, l.Entry.Summary, l.Entry.BodyHtml, l.Entry.Slug, l.Item.CategoryId, l.Entry.Tags,
            l.Item.PublishedAt, l.Entry.UpdatedAt, l.Entry.MachineTranslated, l.Entry.SourceUpdatedAt,
            l.Entry.VideoDurationSeconds, l.Entry.VideoUrl, l.Entry.PromoAssetType.HasValue ? l.Entry.PromoAssetType.Value.ToString() : null, l.Entry.UsageRights, l.Entry.RightsExpireOn, l.Entry.Credit,
            l.Entry.Transcript)
        {
            Stored = l.Entry.Files,
        }));

    private async Task<long> HorizonAsync(CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"").ToListAsync(cancellationToken).ConfigureAwait(false))[0];

    private static List<LanguageTag> Languages(Portal portal, string? text, FieldErrors errors)
    {
        var carried = portal.Languages.Select(l => l.Language).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(text))
        {
            return carried;
        }

        var asked = new List<LanguageTag>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(LanguageTag.All.Count + 1))
        {
            if (LanguageTag.TryParse(part, out var tag) && carried.Contains(tag))
            {
                asked.Add(tag);
            }
            else
            {
                errors.Add("languages", $"'{part}' is not one of the portal's languages ({string.Join(", ", carried.Select(l => l.Code))}).");
            }
        }

        return asked.Distinct().OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
    }

    private static List<ContentKind> Kinds(Portal portal, string? text, FieldErrors errors)
    {
        var carried = Enum.GetValues<ContentKind>().Where(k => portal.Kinds.Count == 0 || portal.Kinds.Contains(k.ToString())).ToList();
        if (string.IsNullOrWhiteSpace(text))
        {
            return carried;
        }

        var asked = new List<ContentKind>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(4))
        {
            if (Enum.TryParse<ContentKind>(part, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && carried.Contains(kind) && !int.TryParse(part, out _))
            {
                asked.Add(kind);
            }
            else
            {
                errors.Add("kinds", $"'{part}' is not a kind the portal carries ({string.Join(", ", carried)}).");
            }
        }

        return asked.Distinct().Order().ToList();
    }

    private sealed record ChangeRow(long Id, long TransactionId, Guid ItemId);
}
