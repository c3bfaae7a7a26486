using System.Diagnostics;
using System.Net;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>
/// A takedown on one instance reaches every kind of answer on another: OData, every feed, the
/// sitemap and sync stop showing the item, and the webhook events are queued in the same transaction.
/// </summary>
public sealed class TakedownTests(SyndicationFixture api, ITestOutputHelper output) : IClassFixture<SyndicationFixture>
{
    [Fact]
    public async Task An_unpublished_item_disappears_from_every_answer_of_another_instance()
    {
        await using var other = new ApiFactory(api.Factory.ConnectionString);
        var portal = await api.Given.PortalAsync(new PortalRequest("Cổng công khai", Given.Unique("takedown"), "https://open.example", [new PortalLanguageRequest("vi")], IsPublic: true));
        var request = await api.Given.ArticleRequestAsync();
        var item = await api.PublishAsync(request with { Variant = new VariantRequest("Tin sẽ gỡ " + Guid.NewGuid().ToString("N")[..6], "Nội dung.") });
        var slug = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<VariantResponse>(api.Client, $"/api/v1/items/{item}/variants/vi", TestJson.Options))!.Slug;
        // Each answer names the item by its id, or (the sitemap) by its page's slug.
        bool Shows(string body) => body.Contains(item.ToString(), StringComparison.Ordinal) || body.Contains("/" + slug + "<", StringComparison.Ordinal);
        using var reader = other.CreateClient();
        string[] answers =
        [
            $"/odata/Articles?portal={portal.Slug}&lang=vi&$select=Id&$top=100",
            $"/feeds/{portal.Slug}/vi/atom.xml", $"/feeds/{portal.Slug}/vi/rss.xml", $"/feeds/{portal.Slug}/vi/feed.json",
            $"/sitemaps/{portal.Slug}/sitemap-1.xml", $"/api/v1/sync?portal={portal.Slug}&pageSize=500",
        ];
        // The other instance caches what it answers (once it listens for changes): the takedown must reach its cache too.
        var cache = other.Services.GetRequiredService<PortalAnswerCache>();
        while (!cache.Statistics().Listening)
        {
            await Task.Delay(20);
        }

        // Read until a whole round comes from the cache (the publication's NOTIFY may drop answers of the first rounds).
        var fromCache = false;
        for (var round = 0; round < 20 && !fromCache; round++)
        {
            var hits = cache.Statistics().Hits;
            Assert.All(await ReadAllAsync(reader, answers), body => Assert.True(Shows(body), body));
            fromCache = cache.Statistics().Hits >= hits + answers.Length - 1;
        }

        Assert.True(fromCache, "The feeds, the sitemap and OData came from the cache (sync pages are not cached).");

        var clock = Stopwatch.StartNew();
        await Steps.TakeAsync(api.Client, item, "unpublish");
        var taken = clock.Elapsed;
        while ((await ReadAllAsync(reader, answers)).Any(Shows) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var gone = clock.Elapsed;
        Assert.All(await ReadAllAsync(reader, answers), body => Assert.False(Shows(body), body));
        output.WriteLine($"Unpublish answered in {taken.TotalMilliseconds:F0} ms; no answer of the other instance showed the item after {gone.TotalMilliseconds:F0} ms.");
        Assert.True(gone < TimeSpan.FromSeconds(5), $"Took {gone}.");

        await using var db = api.CreateDbContext();
        Assert.True(await db.WebhookEvents.AnyAsync(e => e.ItemId == item && e.Type == "content.unpublished"));
    }

    private static async Task<List<string>> ReadAllAsync(HttpClient client, string[] paths)
    {
        var bodies = new List<string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }
}
