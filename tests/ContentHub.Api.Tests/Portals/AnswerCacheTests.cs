using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Tests.Syndication;
using ContentHub.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace ContentHub.Api.Tests.Portals;

/// <summary>
/// The in-service cache of portal answers: a repeated query costs no SQL, every portal, language and
/// representation keeps its own answer, a change is in the very next answer here and within moments on
/// another instance, conditional requests are answered from it, and one answer is made once however
/// many ask for it at the same time.
/// </summary>
public sealed class AnswerCacheTests(SyndicationFixture api, ITestOutputHelper output) : IClassFixture<SyndicationFixture>
{
    [Fact]
    public async Task A_repeated_query_is_answered_from_memory_without_asking_the_database()
    {
        using var portal = api.ClientWithKey(api.Key);
        await AnswerCacheHttp.ListeningAsync(api.Client);
        foreach (var path in new[] { "/odata/Articles?$select=Id,Title&$orderby=PublishedAt desc", $"/feeds/{api.PrivateSlug}/vi/atom.xml" })
        {
            // Asked twice; again should a change made by an earlier test drop the answer in between (its NOTIFY comes a moment later).
            var hit = false;
            for (var attempt = 0; attempt < 20 && !hit; attempt++)
            {
                var first = await BodyAsync(portal, path);
                var before = await AnswerCacheHttp.StatisticsAsync(api.Client);
                api.Factory.Commands.Clear();
                var second = await BodyAsync(portal, path);
                var after = await AnswerCacheHttp.StatisticsAsync(api.Client);
                hit = after.Made == before.Made;
                if (hit)
                {
                    Assert.Equal(first, second);
                    Assert.DoesNotContain(api.Factory.Commands.Commands, sql => sql.Contains("published_entries", StringComparison.Ordinal));
                    Assert.Equal(before.Hits + 1, after.Hits);
                }
            }

            Assert.True(hit, "The second answer came from the cache.");
        }
    }

    [Fact]
    public async Task Each_portal_language_and_representation_keeps_its_own_answer()
    {
        using var portal = api.ClientWithKey(api.Key);
        await AnswerCacheHttp.ListeningAsync(api.Client);
        const string path = "/odata/Articles?$select=Id,Title&$orderby=Title";
        async Task<(string Language, string Body)> AskAsync(HttpClient client, string url, string language, string accept = "application/json")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd(language);
            request.Headers.Accept.ParseAdd(accept);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (response.Content.Headers.ContentLanguage.Single(), await response.Content.ReadAsStringAsync());
        }

        // Asked twice each, interleaved: the second answers come from the cache, and each is its own.
        for (var round = 0; round < 2; round++)
        {
            var english = await AskAsync(portal, path, "en");
            var vietnamese = await AskAsync(portal, path, "vi");
            var full = await AskAsync(portal, path, "vi", "application/json;odata.metadata=full");
            var open = await AskAsync(api.Anonymous, path + "&portal=" + api.PublicSlug, "vi");
            Assert.Equal("en", english.Language);
            Assert.Contains("Yen The festival", english.Body, StringComparison.Ordinal);
            Assert.Equal("vi", vietnamese.Language);
            Assert.Contains("Lễ hội Yên Thế", vietnamese.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Yen The festival", vietnamese.Body, StringComparison.Ordinal);
            Assert.Matches("\"@(odata\\.)?type\"", full.Body);
            Assert.DoesNotMatch("\"@(odata\\.)?type\"", vietnamese.Body);
            // The public portal's answer carries what the public portal shows; the keyed one's cannot be served to it.
            Assert.True(open.Body.Contains("Lễ hội Yên Thế", StringComparison.Ordinal), open.Body);
        }

        using var keyed = await portal.GetAsync(path);
        using var shared = await api.Anonymous.GetAsync(path + "&portal=" + api.PublicSlug);
        Assert.True(keyed.Headers.CacheControl!.Private);
        Assert.Contains("X-Api-Key", keyed.Headers.Vary);
        Assert.True(shared.Headers.CacheControl!.Public);
        Assert.NotNull(shared.Headers.CacheControl.Extensions.SingleOrDefault(e => e.Name == "stale-while-revalidate"));
    }

    [Fact]
    public async Task A_change_saved_on_this_instance_is_in_the_next_answer()
    {
        using var portal = api.ClientWithKey(api.Key);
        await AnswerCacheHttp.ListeningAsync(api.Client);
        const string path = "/odata/Articles?lang=vi&$select=Id&$top=100";
        var before = await BodyAsync(portal, path);
        Assert.Equal(before, await BodyAsync(portal, path));

        var request = await api.Given.ArticleRequestAsync();
        var item = await api.PublishAsync(request with { Variant = new VariantRequest("Tin mới " + Guid.NewGuid().ToString("N")[..6], "Nội dung.") });
        var after = await BodyAsync(portal, path);
        Assert.True(after.Contains(item.ToString(), StringComparison.Ordinal), before + "\n" + after);

        await Steps.TakeAsync(api.Client, item, "unpublish");
        Assert.DoesNotContain(item.ToString(), await BodyAsync(portal, path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_on_another_instance_reaches_this_ones_cache()
    {
        await using var other = new ApiFactory(api.Factory.ConnectionString);
        using var otherAdmin = await Staff.ClientAsync(other, "admin", ApiFactory.AdminPassword);
        using var portal = api.ClientWithKey(api.Key);
        await AnswerCacheHttp.ListeningAsync(api.Client);
        var category = await api.Given.CategoryAsync();
        var request = await api.Given.ArticleRequestAsync();
        await api.PublishAsync(request with { CategoryId = category.Id, Variant = new VariantRequest("Tin chuyên mục", "Nội dung.") });
        var path = $"/odata/Articles?lang=vi&$filter=CategoryId eq {category.Id}&$expand=Category($select=Name)&$select=Id";
        // Until an answer comes from the cache: the NOTIFY of the publication just made may still drop the first.
        var cached = false;
        for (var attempt = 0; attempt < 50 && !cached; attempt++)
        {
            var hits = (await AnswerCacheHttp.StatisticsAsync(api.Client)).Hits;
            Assert.Contains("Du lịch", await BodyAsync(portal, path), StringComparison.Ordinal);
            cached = (await AnswerCacheHttp.StatisticsAsync(api.Client)).Hits > hits;
        }

        Assert.True(cached, "This instance answers from its cache.");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var renamed = new CategoryRequest(category.Slug, new Dictionary<string, string> { ["vi"] = "Du lịch cộng đồng", ["en"] = "Community tourism" });
        using (var changed = await otherAdmin.PutAsJsonAsync($"/api/v1/categories/{category.Id}", renamed, TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        while (!(await BodyAsync(portal, path)).Contains("Du lịch cộng đồng", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        output.WriteLine($"The other instance's change was in this one's answers after {clock.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.Contains("Du lịch cộng đồng", await BodyAsync(portal, path), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Conditional_requests_are_answered_from_the_cache()
    {
        using var portal = api.ClientWithKey(api.Key);
        await AnswerCacheHttp.ListeningAsync(api.Client);
        foreach (var path in new[] { "/odata/Articles?$select=Id&$orderby=Title desc", $"/feeds/{api.PrivateSlug}/vi/feed.json" })
        {
            var answered = false;
            for (var attempt = 0; attempt < 20 && !answered; attempt++)
            {
                using var first = await portal.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                var etag = first.Headers.ETag!;
                var before = await AnswerCacheHttp.StatisticsAsync(api.Client);

                using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
                conditional.Headers.IfNoneMatch.Add(etag);
                using var notModified = await portal.SendAsync(conditional);
                Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
                Assert.Equal(etag, notModified.Headers.ETag);
                Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

                using var stale = new HttpRequestMessage(HttpMethod.Get, path);
                stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
                using var full = await portal.SendAsync(stale);
                Assert.Equal(HttpStatusCode.OK, full.StatusCode);
                Assert.Equal(await first.Content.ReadAsStringAsync(), await full.Content.ReadAsStringAsync());
                // Both from the cache, unless a change of an earlier test dropped the answer meanwhile: then again.
                answered = (await AnswerCacheHttp.StatisticsAsync(api.Client)).Hits == before.Hits + 2;
            }

            Assert.True(answered, "The conditional requests were answered from the cache.");
        }
    }

    [Fact]
    public async Task Many_callers_asking_at_once_wait_for_one_answer_made_once()
    {
        using var portal = api.ClientWithKey(api.Key);
        await AnswerCacheHttp.ListeningAsync(api.Client);
        var path = $"/odata/Articles?$select=Id&$filter=Title ne '{Guid.NewGuid():N}'";
        const int callers = 16;
        var before = await AnswerCacheHttp.StatisticsAsync(api.Client);
        List<Task<HttpResponseMessage>> asked;

        // The table the answer is read from is locked, so the first caller's query waits while the others arrive.
        await using (var connection = new NpgsqlConnection(api.Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var locking = new NpgsqlCommand("LOCK TABLE published_entries IN ACCESS EXCLUSIVE MODE", connection, transaction))
            {
                await locking.ExecuteNonQueryAsync();
            }

            asked = Enumerable.Range(0, callers).Select(_ => portal.GetAsync(path)).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            AnswerCacheStatistics now;
            do
            {
                await Task.Delay(20);
                now = await AnswerCacheHttp.StatisticsAsync(api.Client);
            }
            while (now.Hits + now.Made - before.Hits - before.Made < callers && DateTime.UtcNow < deadline);

            await transaction.RollbackAsync();
        }

        var answers = await Task.WhenAll(asked);
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(before.Made + 1, (await AnswerCacheHttp.StatisticsAsync(api.Client)).Made);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static async Task<string> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

/// <summary>The answer cache's statistics, read as an admin would.</summary>
public static class AnswerCacheHttp
{
    public static async Task<AnswerCacheStatistics> StatisticsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<AnswerCacheStatistics>("/api/v1/answer-cache", TestJson.Options))!;

    /// <summary>Waits until the instance listens for changes, which it must before it caches anything.</summary>
    public static async Task ListeningAsync(HttpClient admin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await StatisticsAsync(admin)).Listening)
        {
            Assert.True(DateTime.UtcNow < deadline, "The instance never started listening for changes.");
            await Task.Delay(20);
        }
    }
}
