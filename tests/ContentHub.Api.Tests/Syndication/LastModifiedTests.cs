using System.Net;
using System.Net.Http.Headers;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>A service on a clock the tests move, with one public portal and one published article.</summary>
public sealed class ClockedSyndicationFixture : ApiFixture
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    public override TimeProvider? Clock => _clock;

    public ManualClock Time => _clock;

    public string PortalSlug { get; } = Given.Unique("clocked");

    public HttpClient Reviewer { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (Reviewer, _) = await Staff.NewAsync(Factory, [Role.Reviewer, Role.Admin]);
        await Given.PortalAsync(new PortalRequest("Màn hình cửa khẩu", PortalSlug, "https://screen.example", [new PortalLanguageRequest("vi")], IsPublic: true));
    }

    public async Task<Guid> PublishAsync(string title)
    {
        var request = await Given.ArticleRequestAsync();
        var item = await Given.ItemAsync(request with { Variant = new VariantRequest(title, "Nội dung.") });
        await Steps.PublishAsync(Client, Reviewer, item.Id);
        return item.Id;
    }
}

/// <summary>
/// If-Modified-Since never hides a change: Last-Modified follows the latest change to what is
/// published (a takedown included, though it leaves only older entries), and stays "now" for a
/// minute after a change, so a change that commits late is never dated before a client's copy.
/// </summary>
public sealed class LastModifiedTests(ClockedSyndicationFixture api) : IClassFixture<ClockedSyndicationFixture>
{
    [Fact]
    public async Task A_takedown_of_the_newest_entry_is_not_hidden_by_if_modified_since()
    {
        var older = await api.PublishAsync("Tin cũ " + Guid.NewGuid().ToString("N")[..6]);
        api.Time.Advance(TimeSpan.FromMinutes(5));
        var newest = await api.PublishAsync("Tin mới " + Guid.NewGuid().ToString("N")[..6]);
        api.Time.Advance(TimeSpan.FromMinutes(5));

        foreach (var path in new[] { $"/feeds/{api.PortalSlug}/vi/atom.xml", $"/odata/Articles?portal={api.PortalSlug}&$select=Id", $"/sitemaps/{api.PortalSlug}/sitemap-1.xml" })
        {
            using var before = await api.Anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            using var unchanged = await SinceAsync(path, before.Content.Headers.LastModified!.Value);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }

        var paths = new[] { $"/feeds/{api.PortalSlug}/vi/atom.xml", $"/odata/Articles?portal={api.PortalSlug}&$select=Id" };
        var copies = new Dictionary<string, DateTimeOffset>();
        foreach (var path in paths)
        {
            using var before = await api.Anonymous.GetAsync(path);
            copies[path] = before.Content.Headers.LastModified!.Value;
        }

        await Steps.TakeAsync(api.Client, newest, "unpublish");
        foreach (var path in paths)
        {
            using var after = await SinceAsync(path, copies[path]);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            var body = await after.Content.ReadAsStringAsync();
            Assert.DoesNotContain(newest.ToString(), body, StringComparison.Ordinal);
            Assert.Contains(older.ToString(), body, StringComparison.Ordinal);
            Assert.True(after.Content.Headers.LastModified > copies[path], $"{after.Content.Headers.LastModified} after {copies[path]}");
        }
    }

    [Fact]
    public async Task Within_a_minute_of_a_change_the_date_is_now_so_no_copy_is_taken_as_current()
    {
        await api.PublishAsync("Tin vừa đăng " + Guid.NewGuid().ToString("N")[..6]);
        // A different format each time: not answered from the cache, so the date is worked out anew.
        var feed = $"/feeds/{api.PortalSlug}/vi/";
        using var first = await api.Anonymous.GetAsync(feed + "feed.json?kind=article");
        var modified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(Truncated(api.Time.GetUtcNow()), modified);

        api.Time.Advance(TimeSpan.FromSeconds(10));
        using var later = await SinceAsync(feed + "atom.xml?kind=article", modified);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(Truncated(api.Time.GetUtcNow()), later.Content.Headers.LastModified);

        api.Time.Advance(TimeSpan.FromMinutes(2));
        using var settled = await api.Anonymous.GetAsync(feed + "rss.xml?kind=article");
        var date = settled.Content.Headers.LastModified!.Value;
        Assert.True(date < Truncated(api.Time.GetUtcNow()).AddMinutes(-1), $"{date}: a minute after the change, not now");
        using var unchanged = await SinceAsync(feed + "feed.json", date);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    private static DateTimeOffset Truncated(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private async Task<HttpResponseMessage> SinceAsync(string path, DateTimeOffset since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfModifiedSince = since;
        return await api.Anonymous.SendAsync(request);
    }
}
