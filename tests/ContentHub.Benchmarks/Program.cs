using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Portals;
using ContentHub.Benchmarks;
using ContentHub.Data.Embedded;
using ContentHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;

// dotnet run -c Release --project tests/ContentHub.Benchmarks -- translation [items=1000]
// measures a batch of machine translation instead (see TranslationBenchmark).
if (args.FirstOrDefault() == "translation")
{
    await TranslationBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    return;
}

// dotnet run -c Release --project tests/ContentHub.Benchmarks -- media [seconds=15]
// measures renditions of a 12-megapixel photo instead (see MediaBenchmark).
if (args.FirstOrDefault() == "media")
{
    await MediaBenchmark.RunAsync(TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15));
    return;
}

// dotnet run -c Release --project tests/ContentHub.Benchmarks -- search [articles=20000] [seconds=10] [--reuse]
// measures portal search over the same corpus instead (see SearchBenchmark).
var search = args.FirstOrDefault() == "search";
args = search ? args[1..] : args;

// dotnet run -c Release --project tests/ContentHub.Benchmarks -- [articles=20000] [seconds=15] [--reuse]
// --reuse keeps the imported corpus in the temp folder and measures again without importing it again,
// so a change to the query path can be measured in seconds (the import of 20,000 articles takes minutes).
var reuse = args.Contains("--reuse");
args = args.Where(a => a != "--reuse").ToArray();
var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15);
const string AdminPassword = "Bench-admin-2026";

var folder = Path.Combine(Path.GetTempPath(), "contenthub-benchmark");
var imported = Path.Combine(folder, $"imported-{articles}.txt");
var loaded = reuse && File.Exists(imported);
if (Directory.Exists(folder) && !loaded)
{
    Directory.Delete(folder, recursive: true);
}

await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = false, Database = "benchmark" }, NullLogger.Instance);
// The uncached figures come from a service with its answer cache off, the cached ones from one with it on, on the same database.
ServiceProcess StartService(bool cached) => ServiceProcess.Start(new Dictionary<string, string?>
{
    ["ConnectionStrings__ContentHub"] = cluster.ConnectionString(),
    ["Database__MigrateOnStartup"] = "true",
    ["Auth__AdminPassword"] = AdminPassword,
    ["Scheduling__Enabled"] = "false",
    ["AnswerCache__Enabled"] = cached ? "true" : "false",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
});
var service = StartService(cached: false);
var address = await service.WaitUntilListeningAsync(TimeSpan.FromMinutes(2));
using var anonymous = Importer.Client(address);
var (adminToken, _) = await Staff.SignInAsync(anonymous, "admin", AdminPassword);
using var admin = Importer.Client(address, adminToken);
List<Guid> categories;
TimeSpan import;
if (loaded)
{
    var lines = await File.ReadAllLinesAsync(imported);
    import = TimeSpan.FromSeconds(double.Parse(lines[0], CultureInfo.InvariantCulture));
    categories = lines.Skip(1).Select(Guid.Parse).ToList();
    Console.WriteLine($"Service at {address}; reusing the {articles} articles imported before");
}
else
{
    var corpus = new Corpus(seed: 2026);
    var importer = new Importer(admin, anonymous, corpus);
    var unit = await importer.UnitAsync();
    (await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest("bench-reviewer", "Reviewer", "Bench-review-2026", ["Reviewer"], unit))).EnsureSuccessStatusCode();
    var (reviewerToken, _) = await Staff.SignInAsync(anonymous, "bench-reviewer", "Bench-review-2026");
    using var reviewer = Importer.Client(address, reviewerToken);
    importer = new Importer(admin, reviewer, corpus);
    categories = await importer.CategoriesAsync(10);

    Console.WriteLine($"Service at {address}; importing {articles} articles");
    var clock = Stopwatch.StartNew();
    await importer.ArticlesAsync(articles, unit, categories, parallelism: 4, done => Console.WriteLine($"  {done} articles imported and published ({done / clock.Elapsed.TotalSeconds:F0}/s)"));
    import = clock.Elapsed;
    await File.WriteAllLinesAsync(imported, categories.Select(c => c.ToString()).Prepend(import.TotalSeconds.ToString(CultureInfo.InvariantCulture)));
}

if (search)
{
    Console.WriteLine($"Corpus: {articles} articles x 6 languages; portal search, {Environment.ProcessorCount} cores");
    await SearchBenchmark.RunAsync(address, admin, duration);
    await service.DisposeAsync();
    return;
}

var portalSlug = $"benchmark-{DateTime.UtcNow:yyyyMMddHHmmss}";
using var created = await admin.PostAsJsonAsync("/api/v1/portals", new PortalRequest("Benchmark portal", portalSlug, "https://portal.example",
    [new PortalLanguageRequest("en", ["vi"]), new PortalLanguageRequest("vi")]), TestJson.Options);
var portalId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PortalResponse>(TestJson.Options))!.Id;
using var issued = await admin.PostAsJsonAsync($"/api/v1/portals/{portalId}/keys", new ApiKeyRequest("benchmark"), TestJson.Options);
var key = (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IssuedApiKeyResponse>(TestJson.Options))!.Key;

// A portal's newest-20 list for one language and category, and its Atom feed (newest 50) in that language.
var listPath = $"/odata/Articles?lang=en&$filter=CategoryId eq {categories[0]}";
var feedPath = $"/feeds/{portalSlug}/en/atom.xml";
// Warm up for at least 30 seconds, longer when measuring longer: under full load on two cores the JIT
// needs 20 to 30 seconds to reach its optimised code (tiering and PGO), and measuring before that
// would report the compiler, not the service.
var warmUp = duration > TimeSpan.FromSeconds(30) ? duration : TimeSpan.FromSeconds(30);

var uncached = await MeasureAsync(address, listPath, warmUp);
var uncachedAddress = address;
await service.DisposeAsync();
service = StartService(cached: true);
address = await service.WaitUntilListeningAsync(TimeSpan.FromMinutes(2));
var cachedList = await MeasureAsync(address, listPath, warmUp);
var cachedFeed = await MeasureAsync(address, feedPath, TimeSpan.FromSeconds(10));
using var cacheReader = Importer.Client(address, (await Staff.SignInAsync(Importer.Client(address), "admin", AdminPassword)).AccessToken);
var cache = await cacheReader.GetFromJsonAsync<JsonElement>("/api/v1/answer-cache");
await service.DisposeAsync();

await using var nginxList = await Nginx.ServeAsync(uncached.Body, uncached.ContentType, port: 18080);
var nginxListResult = await Wrk.RunAsync(nginxList.Url.AbsoluteUri, duration);
await using var nginxFeed = await Nginx.ServeAsync(cachedFeed.Body, cachedFeed.ContentType, port: 18081);
var nginxFeedResult = await Wrk.RunAsync(nginxFeed.Url.AbsoluteUri, duration);

var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({model}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB; wrk -t2 -c32 -d{duration.TotalSeconds}s on the same cores");
Console.WriteLine($"Corpus: {articles} articles x 6 languages (~4 KB Markdown each), imported and published through the REST API in {import.TotalSeconds:F0} s ({articles / import.TotalSeconds:F0} articles/s)");
// The two services listen on different ports, which the answers' absolute links name.
var sameBytes = Encoding.UTF8.GetString(uncached.Body).Replace(uncachedAddress.Authority, "service", StringComparison.Ordinal)
    == Encoding.UTF8.GetString(cachedList.Body).Replace(address.Authority, "service", StringComparison.Ordinal);
Console.WriteLine($"List: {uncached.Body.Length} bytes, {uncached.ContentType}; the cached service's answer is the same but for its port: {sameBytes}");
Console.WriteLine($"Feed: {cachedFeed.Body.Length} bytes, {cachedFeed.ContentType}");
Console.WriteLine($"| server | requests/s | p50 ms | p99 ms | ratio to nginx | service CPU ms/request |");
Console.WriteLine($"|---|---|---|---|---|---|");
Row("ContentHub OData newest-20 list, uncached", uncached.Result, nginxListResult, uncached.ServiceCpuPerRequest);
Row("ContentHub OData newest-20 list, cached", cachedList.Result, nginxListResult, cachedList.ServiceCpuPerRequest);
Row("nginx, the list's bytes from a file", nginxListResult, nginxListResult, null);
Row("ContentHub Atom feed (newest 50), cached", cachedFeed.Result, nginxFeedResult, cachedFeed.ServiceCpuPerRequest);
Row("nginx, the feed's bytes from a file", nginxFeedResult, nginxFeedResult, null);
Console.WriteLine($"Uncached list CPU per request: service {uncached.ServiceCpuPerRequest:F3} ms, PostgreSQL {uncached.PostgresCpuPerRequest:F3} ms");
Console.WriteLine($"Answer cache after the run: {cache.GetProperty("entries")} entries, {cache.GetProperty("bytes").GetInt64() / 1024.0:F1} KiB of {cache.GetProperty("limitBytes").GetInt64() / (1024 * 1024)} MiB; {cache.GetProperty("hits")} hits, {cache.GetProperty("made")} answers made");

static void Row(string name, Wrk.Result result, Wrk.Result nginx, double? cpu) =>
    Console.WriteLine($"| {name} | {result.RequestsPerSecond:F0} | {result.P50Milliseconds:F2} | {result.P99Milliseconds:F2} | {result.RequestsPerSecond / nginx.RequestsPerSecond:P1} | {(cpu is { } ms ? ms.ToString("F3", CultureInfo.InvariantCulture) : "—")} |");

async Task<Measured> MeasureAsync(Uri at, string path, TimeSpan warm)
{
    var url = new Uri(at, path).AbsoluteUri;
    await Wrk.RunAsync(url, warm, key);
    using var portal = Importer.Client(at, apiKey: key);
    using var sample = await portal.GetAsync(url);
    var body = await sample.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
    var meter = CpuMeter.Start(service.ProcessId);
    var result = await Wrk.RunAsync(url, duration, key);
    var cpu = meter.Stop();
    var requests = result.RequestsPerSecond * duration.TotalSeconds;
    return new Measured(result, body, sample.Content.Headers.ContentType!.ToString(), cpu.ServiceMilliseconds / requests, cpu.PostgresMilliseconds / requests);
}

internal sealed record Measured(Wrk.Result Result, byte[] Body, string ContentType, double ServiceCpuPerRequest, double PostgresCpuPerRequest);
