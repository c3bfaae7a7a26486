using System.Net;
using System.Xml.Linq;
using ContentHub.Api.Tests.Schemas;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>A portal's sitemaps: an index and sitemaps valid against the sitemaps.org schemas, each URL with its hreflang alternates.</summary>
public sealed class SitemapTests(SyndicationFixture api) : IClassFixture<SyndicationFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task The_index_and_its_sitemap_are_valid_and_list_every_page_with_its_other_languages()
    {
        using var portal = api.ClientWithKey(api.Key);
        var index = await portal.GetStringAsync($"/sitemaps/{api.PrivateSlug}/sitemap.xml");
        Validate(index, "siteindex.xsd");
        var location = Assert.Single(XDocument.Parse(index).Descendants(Sitemap + "loc")).Value;
        Assert.EndsWith($"/sitemaps/{api.PrivateSlug}/sitemap-1.xml", location, StringComparison.Ordinal);

        var sitemap = await portal.GetStringAsync(new Uri(location).PathAndQuery);
        Validate(sitemap, "sitemap.xsd");
        var urls = XDocument.Parse(sitemap).Descendants(Sitemap + "url").ToList();
        // Every published item in Vietnamese, and the two with English in English too.
        Assert.Equal(api.Published.Count + 2, urls.Count);
        var festival = urls.Where(u => u.Descendants(Xhtml + "link").Any(l => ((string?)l.Attribute("href"))!.Contains("/en/", StringComparison.Ordinal))).ToList();
        Assert.Equal(4, festival.Count); // two items, each page in both languages
        Assert.All(festival, u => Assert.Equal(["vi", "en", "x-default"], u.Elements(Xhtml + "link").Select(l => (string)l.Attribute("hreflang")!)));
        Assert.All(festival, u => Assert.Contains("/vi/", (string)u.Elements(Xhtml + "link").Single(l => (string?)l.Attribute("hreflang") == "x-default").Attribute("href")!, StringComparison.Ordinal));
        Assert.DoesNotContain(urls, u => u.Value.Contains(api.Draft.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/sitemaps/{api.PrivateSlug}/sitemap-2.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/sitemaps/{api.PrivateSlug}/sitemap.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync($"/sitemaps/{api.PublicSlug}/sitemap-1.xml")).StatusCode);
    }

    private static void Validate(string xml, string schema) =>
        XmlValidation.Xsd(xml, (Sitemap.NamespaceName, XmlValidation.PathOf("sitemap", schema)), (Xhtml.NamespaceName, XmlValidation.PathOf("sitemap", "xhtml-link.xsd")));
}
