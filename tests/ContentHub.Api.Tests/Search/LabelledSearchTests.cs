using System.Globalization;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace ContentHub.Api.Tests.Search;

/// <summary>
/// Search quality per language, measured on the labelled sets through the portal search endpoint:
/// recall@10 (the share of the expected documents in the first ten hits, averaged over queries) at
/// least 0.95, and an expected document first for at least 80 % of queries. The figures are printed
/// for the README.
/// </summary>
/// <remarks>
/// Run twice: as the service answers these (a small corpus: the newest items are probed row by row),
/// and with every search sent down the search index's path, which large corpora take for narrow searches.
/// </remarks>
public sealed class LabelledSearchTests(LabelledSearchFixture api, ITestOutputHelper output) : LabelledSearchTests<LabelledSearchFixture>(api, output);

public sealed class IndexPathLabelledSearchTests(IndexPathLabelledSearchFixture api, ITestOutputHelper output) : LabelledSearchTests<IndexPathLabelledSearchFixture>(api, output);

public abstract class LabelledSearchTests<TFixture>(TFixture api, ITestOutputHelper output) : IClassFixture<TFixture>
    where TFixture : LabelledSearchFixture
{
    [Theory]
    [MemberData(nameof(LabelledSet.LanguageData), MemberType = typeof(LabelledSet))]
    public async Task Each_language_finds_what_its_labelled_queries_expect(string language)
    {
        var set = LabelledSet.Load(language);
        var scored = set.Queries.Where(q => q.Expect.Count > 0).ToList();
        Assert.True(scored.Count >= 30, $"{language} has {scored.Count} labelled queries; at least 30 are needed.");

        var recalls = new List<double>();
        var firsts = 0;
        var misses = new List<string>();
        foreach (var query in set.Queries)
        {
            var keys = await TopTenAsync(language, query.Q);
            foreach (var absent in query.Absent ?? [])
            {
                Assert.False(keys.Contains(absent), $"{language} \"{query.Q}\" must not find {absent} ({query.Note}).");
            }

            if (query.Expect.Count == 0)
            {
                continue;
            }

            var recall = (double)query.Expect.Count(keys.Contains) / query.Expect.Count;
            recalls.Add(recall);
            var first = keys.Count > 0 && query.Expect.Contains(keys[0]);
            firsts += first ? 1 : 0;
            if (recall < 1 || !first)
            {
                misses.Add($"\"{query.Q}\" → [{string.Join(", ", keys)}], expected [{string.Join(", ", query.Expect)}]");
            }
        }

        var meanRecall = recalls.Average();
        var firstShare = (double)firsts / scored.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language}: {scored.Count} queries, recall@10 {meanRecall:0.000}, expected first {firstShare:P0}"));
        misses.ForEach(output.WriteLine);
        Assert.True(meanRecall >= 0.95, $"{language} recall@10 is {meanRecall:0.000}: {string.Join("; ", misses)}");
        Assert.True(firstShare >= 0.8, $"{language} has the expected document first for {firstShare:P0}: {string.Join("; ", misses)}");
    }

    private async Task<List<string>> TopTenAsync(string language, string q)
    {
        using var response = await api.Anonymous.GetAsync($"/api/v1/portal/search?portal={api.PortalSlug}&language={Uri.EscapeDataString(language)}&pageSize=10&q={Uri.EscapeDataString(q)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{language} \"{q}\": {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Select(hit => api.Keys.GetValueOrDefault(hit.GetProperty("id").GetGuid(), "other")).ToList();
    }
}
