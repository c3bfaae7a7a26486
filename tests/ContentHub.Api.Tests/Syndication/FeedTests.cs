using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Tests.Schemas;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>
/// Feeds through HTTP: valid Atom (RFC 4287's RELAX NG, with xmllint, and its three Schematron rules),
/// RSS by the RSS 2.0 rules, JSON Feed against its schema; read back by System.ServiceModel's feed
/// parser; who may read them; and conditional requests.
/// </summary>
public sealed class FeedTests(SyndicationFixture api) : IClassFixture<SyndicationFixture>
{
    private static readonly string[] ChannelElements = ["title", "link", "description"];
    private static readonly Lazy<Json.Schema.JsonSchema> JsonFeedSchema = new(() => Json.Schema.JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "jsonfeed", "schema-v1.1.json")));

    [Fact]
    public async Task The_atom_feed_is_valid_and_carries_each_published_entry_of_its_language_newest_first()
    {
        using var portal = api.ClientWithKey(api.Key);
        using var response = await portal.GetAsync($"/feeds/{api.PrivateSlug}/vi/atom.xml");
        var atom = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        await XmlValidation.RelaxNgAsync(atom, XmlValidation.PathOf("atom", "atom.rng"));
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(atom)));
        Assert.Equal("vi", feed.Language);
        Assert.Equal(api.Published.AsEnumerable().Reverse().Select(id => $"tag:doingoai.example,2026:item/{id}/vi"), feed.Items.Select(i => i.Id));
        var festival = feed.Items.Single(i => i.Id.Contains(api.Published[0].ToString(), StringComparison.Ordinal));
        Assert.Equal("Lễ hội Yên Thế", festival.Title.Text);
        Assert.Equal("Tóm tắt", ((TextSyndicationContent)festival.Summary).Text);
        Assert.Contains("<strong>lớn</strong>", ((TextSyndicationContent)festival.Content).Text, StringComparison.Ordinal);
        Assert.StartsWith("https://doingoai.example/vi/articles/", festival.Links.Single(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("Sở Ngoại vụ", Assert.Single(festival.Authors).Name);
        Assert.Equal("Du lịch", Assert.Single(festival.Categories).Name);
        Assert.Contains(feed.Items.Single(i => i.Id.Contains(api.Published[3].ToString(), StringComparison.Ordinal)).Links, l => l.RelationshipType == "enclosure" && l.Uri.AbsoluteUri == "https://v.example/a.mp4");
        Assert.DoesNotContain(feed.Items, i => i.Id.Contains(api.Draft.ToString(), StringComparison.Ordinal));

        // RFC 4287's Schematron rules, which RELAX NG cannot say: every entry has an author (here, or
        // the feed's), and a link rel=alternate or content.
        var document = System.Xml.Linq.XDocument.Parse(atom);
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.True(document.Root!.Elements(a + "author").Any() || document.Root.Elements(a + "entry").All(e => e.Elements(a + "author").Any()));
        Assert.All(document.Root.Elements(a + "entry"), e => Assert.True(e.Elements(a + "content").Any() || e.Elements(a + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate")));

        var english = SyndicationFeed.Load(XmlReader.Create(new StringReader(await portal.GetStringAsync($"/feeds/{api.PrivateSlug}/en/atom.xml"))));
        Assert.Equal(["Luc Ngan lychees", "Yen The festival"], english.Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task The_rss_feed_follows_the_rss_2_rules_and_reads_back()
    {
        using var portal = api.ClientWithKey(api.Key);
        var rss = await portal.GetStringAsync($"/feeds/{api.PrivateSlug}/vi/rss.xml?kind=article");

        var document = System.Xml.Linq.XDocument.Parse(rss);
        Assert.Equal("2.0", (string?)document.Root!.Attribute("version"));
        var channel = document.Root.Element("channel")!;
        Assert.All(ChannelElements, name => Assert.False(string.IsNullOrWhiteSpace((string?)channel.Element(name)), name));
        Assert.Equal("vi", (string?)channel.Element("language"));
        var items = channel.Elements("item").ToList();
        Assert.Equal(api.Published.Count - 1, items.Count); // every article; the video is not one
        Assert.All(items, item =>
        {
            Assert.True(item.Element("title") is not null || item.Element("description") is not null);
            Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
            Assert.True(DateTimeOffset.TryParse((string?)item.Element("pubDate"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
            Assert.StartsWith("https://doingoai.example/vi/articles/", (string?)item.Element("link"), StringComparison.Ordinal);
        });
        // The description holds the body's HTML as text: its own escapes survive, nothing becomes markup.
        Assert.Contains(items, i => ((string?)i.Element("description") ?? string.Empty).Contains("&lt;sáng&gt; &amp; chiều", StringComparison.Ordinal));
        Assert.Equal(items.Count, SyndicationFeed.Load(XmlReader.Create(new StringReader(rss))).Items.Count());
    }

    [Fact]
    public async Task The_json_feed_is_valid_against_its_schema()
    {
        using var portal = api.ClientWithKey(api.Key);
        using var response = await portal.GetAsync($"/feeds/{api.PrivateSlug}/en/feed.json");
        using var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var result = JsonFeedSchema.Value.Evaluate(feed.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.RootElement.GetProperty("version").GetString());
        Assert.Equal(2, feed.RootElement.GetProperty("items").GetArrayLength());
        Assert.All(feed.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("en", i.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task A_private_portals_feed_needs_its_key_or_its_feed_token_and_a_rotated_token_stops_working()
    {
        using (var anonymous = await api.Anonymous.GetAsync($"/feeds/{api.PrivateSlug}/vi/atom.xml"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        var first = await RotateAsync();
        using (var withToken = await api.Anonymous.GetAsync($"/feeds/{api.PrivateSlug}/vi/atom.xml?token={first}"))
        {
            Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
            Assert.True(withToken.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 60 }, withToken.Headers.CacheControl?.ToString());
            Assert.DoesNotContain(first, await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var second = await RotateAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/feeds/{api.PrivateSlug}/vi/atom.xml?token={first}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync($"/feeds/{api.PrivateSlug}/vi/atom.xml?token={second}")).StatusCode);
        await using var db = api.CreateDbContext();
        var stored = db.Portals.Single(p => p.Id == api.PrivatePortalId).FeedTokenHash!;
        Assert.Equal(32, stored.Length); // only its hash is kept

        using var open = await api.Anonymous.GetAsync($"/feeds/{api.PublicSlug}/vi/feed.json");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.True(open.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 60 }, open.Headers.CacheControl?.ToString());
        Assert.Contains(open.Headers.CacheControl!.Extensions, e => e.Name == "stale-while-revalidate" && e.Value == "300");
    }

    [Fact]
    public async Task Conditional_requests_get_304_until_the_feed_changes()
    {
        using var portal = api.ClientWithKey(api.Key);
        using var first = await portal.GetAsync($"/feeds/{api.PrivateSlug}/vi/atom.xml");
        var etag = first.Headers.ETag!.ToString();
        var modified = first.Content.Headers.LastModified!.Value;

        using (var again = new HttpRequestMessage(HttpMethod.Get, $"/feeds/{api.PrivateSlug}/vi/atom.xml"))
        {
            again.Headers.TryAddWithoutValidation("If-None-Match", etag);
            Assert.Equal(HttpStatusCode.NotModified, (await portal.SendAsync(again)).StatusCode);
        }

        using (var since = new HttpRequestMessage(HttpMethod.Get, $"/feeds/{api.PrivateSlug}/vi/atom.xml"))
        {
            since.Headers.IfModifiedSince = modified;
            Assert.Equal(HttpStatusCode.NotModified, (await portal.SendAsync(since)).StatusCode);
        }

        var request = await api.Given.ArticleRequestAsync();
        var newer = await api.PublishAsync(request with { Variant = new Api.Features.Items.VariantRequest("Tin mới " + Guid.NewGuid().ToString("N")[..6], "Nội dung.") });
        using var changed = new HttpRequestMessage(HttpMethod.Get, $"/feeds/{api.PrivateSlug}/vi/atom.xml");
        changed.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var answer = await portal.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(newer.ToString(), await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        api.Published.Add(newer);
    }

    [Theory]
    [InlineData("/feeds/{private}/ko/atom.xml", 400)]
    [InlineData("/feeds/{private}/xx/atom.xml", 400)]
    [InlineData("/feeds/{private}/vi/feed.xml", 400)]
    [InlineData("/feeds/{private}/vi/atom.xml?kind=podcast", 400)]
    [InlineData("/feeds/{private}/vi/atom.xml?category=no-such-category", 400)]
    [InlineData("/feeds/no-such-portal/vi/atom.xml", 404)]
    public async Task Bad_feed_requests_get_a_problem(string path, int status)
    {
        using var portal = api.ClientWithKey(api.Key);
        using var response = await portal.GetAsync(path.Replace("{private}", api.PrivateSlug, StringComparison.Ordinal));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> RotateAsync()
    {
        using var response = await api.Client.PostAsync($"/api/v1/portals/{api.PrivatePortalId}/feed-token", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FeedTokenResponse>(TestJson.Options))!.Token;
    }
}
