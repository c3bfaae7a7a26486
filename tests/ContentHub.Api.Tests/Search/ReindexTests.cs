using ContentHub.Api.Features.Search;
using ContentHub.Data.Configurations;
using ContentHub.Search;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Search;

/// <summary>Re-indexing: rows left stale (an upgrade, an interrupted run) are found again once it has run, and a second run has nothing to do.</summary>
public sealed class ReindexTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_stale_index_is_rebuilt_and_a_second_run_finds_nothing_left()
    {
        var word = "quokka" + Guid.NewGuid().ToString("N")[..6];
        var item = await api.Given.ArticleAsync($"Tin {word}");
        await using (var db = api.CreateDbContext())
        {
            // What an upgrade leaves: rows without terms, of an older analysis.
            await db.Variants.Where(v => v.ItemId == item.Id).ExecuteUpdateAsync(s => s
                .SetProperty(v => EF.Property<string>(v, SearchColumns.Terms), string.Empty)
                .SetProperty(v => EF.Property<short>(v, SearchColumns.Version), (short)(TextAnalyzer.Version - 1)));
        }

        Assert.Equal(0, await TotalAsync(word));

        var reports = new List<Reindexer.Progress>();
        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            var reindexer = scope.ServiceProvider.GetRequiredService<Reindexer>();
            Assert.True(await reindexer.RunAsync(new Progress(reports.Add), CancellationToken.None) >= 1);
            Assert.Equal(0, await reindexer.RunAsync(null, CancellationToken.None));
        }

        Assert.Equal(1, await TotalAsync(word));
        Assert.Contains(reports, r => r.Table == "language variants" && r.Done == r.Total);
    }

    private async Task<int> TotalAsync(string word)
    {
        using var response = await api.Client.GetAsync($"/api/v1/search?q={word}");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("totalCount").GetInt32();
    }

    // Reports synchronously, unlike Progress<T>, which posts to the thread pool.
    private sealed class Progress(Action<Reindexer.Progress> report) : IProgress<Reindexer.Progress>
    {
        public void Report(Reindexer.Progress value) => report(value);
    }
}
