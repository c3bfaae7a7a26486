using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Syndication;
using ContentHub.Domain.Publishing;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>
/// Incremental sync: a portal that keeps calling with its cursor ends with exactly what it carries,
/// under concurrent publishing and with a transaction that commits late.
/// </summary>
[Collection(AloneOnTheCluster.Name)]
public sealed class SyncTests(SyndicationFixture api) : IClassFixture<SyndicationFixture>
{
    [Fact]
    public async Task A_portal_following_its_cursor_under_concurrent_publishing_ends_with_exactly_the_published_set()
    {
        using var portal = api.ClientWithKey(api.Key);
        var mirror = new Dictionary<(Guid, string), SyncEntry>();
        var cursor = await DrainAsync(portal, null, mirror);
        Assert.Equal(await ExpectedAsync(), Keys(mirror));

        // Writers publish, unpublish and republish while the portal keeps syncing.
        var request = await api.Given.ArticleRequestAsync();
        var writers = Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = 0; i < 4; i++)
            {
                var id = await api.PublishAsync(request with { Variant = new VariantRequest($"Tin {w}-{i} {Guid.NewGuid():N}", "Nội dung.") });
                if (i % 2 == 1)
                {
                    await Steps.TakeAsync(api.Client, id, "unpublish");
                }
            }
        }).ToList();
        while (!writers.TrueForAll(w => w.IsCompleted))
        {
            cursor = await DrainAsync(portal, cursor, mirror);
        }

        await Task.WhenAll(writers);
        cursor = await DrainAsync(portal, cursor, mirror);
        Assert.Equal(await ExpectedAsync(), Keys(mirror));
        Assert.Empty((await PageAsync(portal, cursor)).Changes);

        // Polling with nothing new: the same page again, so a matching If-None-Match gets 304.
        using var poll = await portal.GetAsync($"/api/v1/sync?pageSize=3&cursor={cursor}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sync?pageSize=3&cursor={cursor}");
        again.Headers.TryAddWithoutValidation("If-None-Match", poll.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await portal.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_change_whose_transaction_commits_late_is_not_skipped()
    {
        using var portal = api.ClientWithKey(api.Key);
        var mirror = new Dictionary<(Guid, string), SyncEntry>();
        var cursor = await DrainAsync(portal, null, mirror);

        // A transaction takes its id, then waits while a later one commits and the portal syncs past it.
        await using var slow = api.CreateDbContext();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        var late = api.Published[0];
        slow.SyncChanges.Add(SyncChange.Of(late, DateTimeOffset.UtcNow));
        await slow.SaveChangesAsync();

        var request = await api.Given.ArticleRequestAsync();
        var later = await api.PublishAsync(request with { Variant = new VariantRequest("Tin sau " + Guid.NewGuid().ToString("N")[..6], "Nội dung.") });
        var whileOpen = await PageAsync(portal, cursor);
        // The horizon stops below the open transaction: the later change waits too, rather than the early one being skipped.
        Assert.DoesNotContain(whileOpen.Changes, c => c.ItemId == later);
        Assert.False(whileOpen.More);

        await transaction.CommitAsync();
        var changes = new List<SyncRecord>();
        var next = whileOpen.Cursor;
        SyncPage page;
        do
        {
            page = await PageAsync(portal, next);
            changes.AddRange(page.Changes);
            next = page.Cursor;
        }
        while (page.More);

        Assert.Contains(changes, c => c.ItemId == late && !c.Deleted);
        Assert.Contains(changes, c => c.ItemId == later && !c.Deleted);
        api.Published.Add(later);
    }

    [Fact]
    public async Task Bad_cursors_and_filters_are_refused_and_a_cursor_does_not_outlive_its_filters()
    {
        using var portal = api.ClientWithKey(api.Key);
        var first = await PageAsync(portal, null, "languages=vi");

        Assert.Equal(HttpStatusCode.BadRequest, (await portal.GetAsync("/api/v1/sync?cursor=not-a-cursor")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.GetAsync("/api/v1/sync?languages=ko")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.GetAsync("/api/v1/sync?kinds=Podcast")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.GetAsync("/api/v1/sync?pageSize=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await portal.GetAsync($"/api/v1/sync?cursor={first.Cursor}&languages=en")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/v1/sync")).StatusCode);
        Assert.All(first.Changes, c => Assert.Equal("vi", c.Language));
    }

    [Fact]
    public async Task A_cursor_from_before_pruned_changes_is_gone_and_a_new_sync_starts_over()
    {
        using var portal = api.ClientWithKey(api.Key);
        var mirror = new Dictionary<(Guid, string), SyncEntry>();
        var old = await DrainAsync(portal, null, mirror);
        var request = await api.Given.ArticleRequestAsync();
        api.Published.Add(await api.PublishAsync(request with { Variant = new VariantRequest("Tin cũ " + Guid.NewGuid().ToString("N")[..6], "Nội dung.") }));

        await using (var db = api.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE sync_changes SET at = at - interval '400 days'");
        }

        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<SyncRetention>().PruneAsync(CancellationToken.None) > 0);
        }

        using var gone = await portal.GetAsync($"/api/v1/sync?pageSize=3&cursor={old}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("urn:contenthub:problem:gone", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fresh = new Dictionary<(Guid, string), SyncEntry>();
        await DrainAsync(portal, null, fresh);
        Assert.Equal(await ExpectedAsync(), Keys(fresh));
    }

    private static async Task<string> DrainAsync(HttpClient portal, string? cursor, Dictionary<(Guid, string), SyncEntry> mirror)
    {
        SyncPage page;
        do
        {
            page = await PageAsync(portal, cursor);
            foreach (var change in page.Changes)
            {
                if (change.Deleted)
                {
                    mirror.Remove((change.ItemId, change.Language));
                }
                else
                {
                    mirror[(change.ItemId, change.Language)] = change.Entry!;
                }
            }

            cursor = page.Cursor;
        }
        while (page.More);

        return cursor!;
    }

    private static async Task<SyncPage> PageAsync(HttpClient portal, string? cursor, string query = "pageSize=3")
    {
        using var response = await portal.GetAsync($"/api/v1/sync?{query}" + (cursor is null ? string.Empty : "&cursor=" + cursor));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SyncPage>(TestJson.Options))!;
    }

    // What the portal carries now, read independently from the published read model.
    private async Task<List<string>> ExpectedAsync()
    {
        await using var db = api.CreateDbContext();
        var rows = await db.PublishedEntries.AsNoTracking()
            .Where(e => e.Language == Domain.Languages.LanguageTag.Vietnamese || e.Language == Domain.Languages.LanguageTag.English)
            .Select(e => new { e.ItemId, e.Language }).ToListAsync();
        return rows.Select(r => $"{r.ItemId}/{r.Language.Code}").Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Keys(Dictionary<(Guid, string), SyncEntry> mirror) =>
        mirror.Keys.Select(k => $"{k.Item1}/{k.Item2}").Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Sync cursors follow transaction ids, which are the whole cluster's: a transaction in another test
/// class's database holds every snapshot's horizon back. The pruning test ages changes made a moment
/// ago by 400 days and prunes them, so a fresh sync's horizon, held back by such a transaction, looks
/// pruned (in service, pruned changes are 30 days old, older than any running transaction). These
/// tests run after the others, with nothing else on the cluster.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneOnTheCluster
{
    public const string Name = "Alone on the test cluster";
}
