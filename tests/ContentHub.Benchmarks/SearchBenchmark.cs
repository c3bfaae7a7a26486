using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ContentHub.Api.Features.Portals;
using ContentHub.Testing;

namespace ContentHub.Benchmarks;

/// <summary>
/// Portal search over the imported corpus (20,000 articles in six languages): per language, a set of
/// queries (a broad word found in most articles, two words, a phrase, and a title's number, found in
/// one) each asked in turn for p50/p95 latency over loopback, then all of them from 8 concurrent
/// clients for requests per second.
/// </summary>
public static class SearchBenchmark
{
    private const int Concurrency = 8;

    private static readonly Dictionary<string, string[]> Queries = new()
    {
        ["vi"] = ["vải thiều", "vai thieu", "\"khu công nghiệp\"", "đầu tư hợp tác", "12345"],
        ["en"] = ["lychees", "investing", "\"industrial park\"", "tourism culture", "12345"],
        ["zh-Hans"] = ["荔枝", "投资", "工业园区", "旅游 文化", "12345"],
        ["ko"] = ["리치를", "투자", "산업단지", "관광 문화", "12345"],
        ["ja"] = ["ライチ", "投資", "工業団地", "観光 文化", "12345"],
        ["lo"] = ["ການລົງທຶນ", "ບັກຢາງ", "ວັດທະນະທຳ", "ແຂວງ ປີ", "12345"],
    };

    public static async Task RunAsync(Uri address, HttpClient admin, TimeSpan duration)
    {
        var slug = $"search-benchmark-{DateTime.UtcNow:yyyyMMddHHmmss}";
        using var created = await admin.PostAsJsonAsync("/api/v1/portals", new PortalRequest("Search benchmark", slug, "https://search.example",
            Corpus.Languages.Select(l => new PortalLanguageRequest(l)).ToList(), IsPublic: true), TestJson.Options);
        created.EnsureSuccessStatusCode();
        using var client = Importer.Client(address);
        string Url(string language, string q) => $"/api/v1/portal/search?portal={slug}&language={Uri.EscapeDataString(language)}&q={Uri.EscapeDataString(q)}";

        // Warm up: the JIT, PostgreSQL's caches, the did-you-mean vocabulary.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(20))
        {
            foreach (var (language, queries) in Queries)
            {
                foreach (var q in queries)
                {
                    using var response = await client.GetAsync(Url(language, q));
                    response.EnsureSuccessStatusCode();
                }
            }
        }

        var medians = new List<string>();
        Console.WriteLine($"| language | queries | hits (broad … narrow) | p50 ms | p95 ms | max ms | requests/s ({Concurrency} clients) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (language, queries) in Queries)
        {
            var totals = new List<int>();
            foreach (var q in queries)
            {
                var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(Url(language, q));
                totals.Add(page.GetProperty("totalCount").GetInt32());
            }

            var (latencies, byQuery) = await SequentiallyAsync(client, queries, q => Url(language, q), duration / 2);

            var requests = 0;
            var concurrent = Stopwatch.StartNew();
            await Parallel.ForAsync(0, Concurrency, async (worker, cancellationToken) =>
            {
                for (var i = worker; concurrent.Elapsed < duration / 2; i++)
                {
                    using var response = await client.GetAsync(Url(language, queries[i % queries.Length]), cancellationToken);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    Interlocked.Increment(ref requests);
                }
            });
            var perSecond = requests / concurrent.Elapsed.TotalSeconds;

            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {language} | {string.Join(", ", queries.Select(q => $"`{q}`"))} | {string.Join(" … ", totals)} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.95):F1} | {latencies[^1]:F1} | {perSecond:F0} |"));
            medians.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {language} | {string.Join(" · ", byQuery.Select(q => $"`{q.Key}` {Percentile(q.Value.Order().ToList(), 0.50):F1}"))} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| language | p50 ms of each query, sequentially |");
        Console.WriteLine("|---|---|");
        medians.ForEach(Console.WriteLine);
        await EditorialAsync(admin, duration);
    }

    // The editors' search (/api/v1/search, drafts included, every variant they may see) with the same
    // queries, one language at a time, sequentially: p50 and p95.
    private static async Task EditorialAsync(HttpClient admin, TimeSpan duration)
    {
        string Url(string language, string q) => $"/api/v1/search?language={Uri.EscapeDataString(language)}&q={Uri.EscapeDataString(q)}";
        foreach (var (language, queries) in Queries)
        {
            foreach (var q in queries)
            {
                using var warm = await admin.GetAsync(Url(language, q));
                warm.EnsureSuccessStatusCode();
            }
        }

        Console.WriteLine();
        Console.WriteLine("| language (editors' search) | p50 ms | p95 ms | p50 of each query |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (language, queries) in Queries)
        {
            var (latencies, byQuery) = await SequentiallyAsync(admin, queries, q => Url(language, q), duration / 2);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {language} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.95):F1} | {string.Join(" · ", byQuery.Select(q => $"`{q.Key}` {Percentile(q.Value.Order().ToList(), 0.50):F1}"))} |"));
        }
    }

    // The queries asked in turn for as long as given: every latency, and each query's own.
    private static async Task<(List<double> All, Dictionary<string, List<double>> ByQuery)> SequentiallyAsync(
        HttpClient client, string[] queries, Func<string, string> url, TimeSpan duration)
    {
        var latencies = new List<double>();
        var byQuery = queries.ToDictionary(q => q, _ => new List<double>());
        var sequential = Stopwatch.StartNew();
        while (sequential.Elapsed < duration)
        {
            foreach (var q in queries)
            {
                var one = Stopwatch.StartNew();
                using var response = await client.GetAsync(url(q));
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(one.Elapsed.TotalMilliseconds);
                byQuery[q].Add(one.Elapsed.TotalMilliseconds);
            }
        }

        return (latencies, byQuery);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
