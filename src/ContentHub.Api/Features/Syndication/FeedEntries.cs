using ContentHub.Api.Features.OData;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Media;
using ContentHub.Domain.Publishing;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// The newest entries a portal carries in one language, through the same visibility rules as its
/// OData service (kinds, categories, publication window, reviewed text only unless it accepts
/// machine translation). A feed in a language holds entries in that language only: no fallback.
/// </summary>
public sealed class FeedEntries(ContentHubDbContext db, PortalEntries entries, PortalFileLinks files)
{
    public const int FeedSize = 50;

    public async Task<IReadOnlyList<FeedEntry>> NewestAsync(Portal portal, LanguageTag language, Guid? categoryId, ContentKind? kind, int count, string serviceBase, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var k in PortalFilters.Kinds(portal, kind))
        {
            var visible = entries.Visible(portal, k, [language]);
            if (categoryId is { } category)
            {
                visible = visible.Where(l => l.Item.CategoryId == category);
            }

            rows.AddRange(await visible.OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId).Take(count)
                .Select(l => new Row(l.Item.ItemId, l.Entry.Kind, l.Entry.Title, l.Entry.Summary, l.Entry.BodyHtml, l.Entry.Slug, l.Item.PublishedAt, l.Entry.UpdatedAt,
                    l.Item.CategoryId, l.Entry.OrgUnitId, l.Entry.VideoUrl, l.Entry.Files))
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        var newest = rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.ItemId).Take(count).ToList();
        var names = await NamesAsync(newest, language, cancellationToken).ConfigureAwait(false);
        return newest.ConvertAll(r => new FeedEntry(
            r.ItemId, language.Code, r.Kind, r.Title, r.Summary, Body(portal, r, serviceBase), PortalLinks.Page(portal, language.Code, r.Kind, r.Slug),
            PortalLinks.EntryId(portal, r.ItemId, language.Code), r.PublishedAt, r.UpdatedAt,
            names.GetValueOrDefault(r.CategoryId), names.GetValueOrDefault(r.OrgUnitId), Enclosures(portal, r, serviceBase)));
    }

    // Category and unit names in the feed's language, else Vietnamese, else any.
    private async Task<Dictionary<Guid, string>> NamesAsync(List<Row> rows, LanguageTag language, CancellationToken cancellationToken)
    {
        var categoryIds = rows.Select(r => r.CategoryId).Distinct().ToList();
        var unitIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).Select(c => new { c.Id, c.Names }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Names }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return categories.Select(c => (c.Id, c.Names)).Concat(units.Select(u => (u.Id, u.Names)))
            .ToDictionary(x => x.Id, x => x.Names.In(language, LanguageTag.Vietnamese) ?? string.Empty);
    }

    // The images the body places, at the portal's addresses.
    private string Body(Portal portal, Row row, string serviceBase) =>
        row.BodyHtml.Contains(Media.InlineImages.Prefix, StringComparison.Ordinal)
            ? PortalHtml.ForPortal(row.BodyHtml, files.For(serviceBase, portal, row.Files.Where(f => f.Role == FileRole.Inline)))
            : row.BodyHtml;

    // The entry's own files first (video, asset, subtitles; a poster is not content, and images in the text are in the text), then a video hosted elsewhere.
    private List<Enclosure> Enclosures(Portal portal, Row row, string serviceBase)
    {
        var enclosures = row.Files.Where(f => f.Role is not (FileRole.Poster or FileRole.Inline))
            .Select(f => new Enclosure(new Uri(files.For(serviceBase, portal, f).Url), f.ContentType, f.Size, f.AltText ?? f.FileName))
            .ToList();
        if (Uri.TryCreate(row.VideoUrl, UriKind.Absolute, out var video))
        {
            enclosures.Add(new Enclosure(video, "video/mp4", 0, null));
        }

        return enclosures;
    }

    private sealed record Row(Guid ItemId, ContentKind Kind, string Title, string? Summary, string BodyHtml, string Slug, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt,
        Guid CategoryId, Guid OrgUnitId, string? VideoUrl, List<PublishedFile> Files);
}
