using System.Globalization;
using System.Text;
using System.Xml;
using ContentHub.Api.Features.OData;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// A portal's sitemaps (sitemaps.org 0.9): an index, and sitemaps of at most 50,000 URLs, one URL per
/// page of an item in a language the portal carries, each with <c>xhtml:link rel="alternate"</c> to
/// the item's pages in its other languages and an <c>x-default</c> (the page in the item's source
/// language, or else its first language in the province's order: vi, en, zh-Hans, ko, ja, lo).
/// </summary>
public sealed class Sitemaps(PortalEntries entries, Data.ContentHubDbContext db)
{
    public const int UrlsPerSitemap = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    public async Task<IReadOnlyList<Page>> PagesAsync(Portal portal, CancellationToken cancellationToken)
    {
        var pages = new List<Page>();
        var kinds = Enum.GetValues<ContentKind>().Where(k => portal.Kinds.Count == 0 || portal.Kinds.Contains(k.ToString()));
        foreach (var language in portal.Languages.Select(l => l.Language))
        {
            foreach (var kind in kinds)
            {
                var rows = await entries.Visible(portal, kind, [language])
                    .Select(l => new { l.Item.ItemId, l.Entry.Slug, l.Entry.UpdatedAt })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                pages.AddRange(rows.Select(r => new Page(r.ItemId, language.Code, PortalLinks.Page(portal, language.Code, kind, r.Slug), r.UpdatedAt, false)));
            }
        }

        var ids = pages.Select(p => p.ItemId).Distinct().ToList();
        var sources = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.SourceLanguage }).ToDictionaryAsync(i => i.Id, i => i.SourceLanguage.Code, cancellationToken).ConfigureAwait(false);
        return [.. pages.Select(p => p with { IsSource = sources.GetValueOrDefault(p.ItemId) == p.Language }).OrderBy(p => p.ItemId).ThenBy(p => Order(p.Language))];
    }

    public static byte[] Index(IReadOnlyList<Page> pages, Func<int, Uri> sitemapUrl)
    {
        var count = Math.Max(1, (pages.Count + UrlsPerSitemap - 1) / UrlsPerSitemap);
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            for (var n = 1; n <= count; n++)
            {
                var slice = pages.Skip((n - 1) * UrlsPerSitemap).Take(UrlsPerSitemap).ToList();
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, sitemapUrl(n).AbsoluteUri);
                if (slice.Count > 0)
                {
                    writer.WriteElementString("lastmod", Namespace, Time(slice.Max(p => p.UpdatedAt)));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>Sitemap <paramref name="number"/> (from 1), or null when there is no such sitemap.</summary>
    public static byte[]? Sitemap(IReadOnlyList<Page> pages, int number)
    {
        var count = Math.Max(1, (pages.Count + UrlsPerSitemap - 1) / UrlsPerSitemap);
        if (number < 1 || number > count)
        {
            return null;
        }

        var byItem = pages.GroupBy(p => p.ItemId).ToDictionary(g => g.Key, g => g.ToList());
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            foreach (var page in pages.Skip((number - 1) * UrlsPerSitemap).Take(UrlsPerSitemap))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, page.Url.AbsoluteUri);
                writer.WriteElementString("lastmod", Namespace, Time(page.UpdatedAt));
                var versions = byItem[page.ItemId];
                if (versions.Count > 1)
                {
                    foreach (var version in versions)
                    {
                        Alternate(writer, version.Language, version.Url);
                    }

                    Alternate(writer, "x-default", (versions.Find(v => v.IsSource) ?? versions[0]).Url);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static void Alternate(XmlWriter writer, string language, Uri url)
    {
        writer.WriteStartElement("xhtml", "link", Xhtml);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("hreflang", language);
        writer.WriteAttributeString("href", url.AbsoluteUri);
        writer.WriteEndElement();
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One page of the portal's site: an item in one language.</summary>
    public sealed record Page(Guid ItemId, string Language, Uri Url, DateTimeOffset UpdatedAt, bool IsSource);

    private static int Order(string language) => LanguageTag.All.ToList().FindIndex(l => l.Code == language);
}
