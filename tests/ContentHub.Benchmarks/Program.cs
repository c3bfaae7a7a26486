using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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
await using var service = ServiceProcess.Start(new Dictionary<string, string?>
{
    ["ConnectionStrings__ContentHub"] = cluster.ConnectionString(),
    ["Database__MigrateOnStartup"] = "true",
    ["Auth__AdminPassword"] = AdminPassword,
    ["Scheduling__Enabled"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
});
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

var portalSlug = $"benchmark-{DateTime.UtcNow:yyyyMMddHHmmss}";
using var created = await admin.PostAsJsonAsync("/api/v1/portals", new PortalRequest("Benchmark portal", portalSlug, "https://portal.example",
    [new PortalLanguageRequest("en", ["vi"]), new PortalLanguageRequest("vi")]), TestJson.Options);
var portalId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PortalResponse>(TestJson.Options))!.Id;
using var issued = await admin.PostAsJsonAsync($"/api/v1/portals/{portalId}/keys", new ApiKeyRequest("benchmark"), TestJson.Options);
var key = (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IssuedApiKeyResponse>(TestJson.Options))!.Key;

// A portal's newest-20 list for one language and category.
var list = new Uri(address, $"/odata/Articles?lang=en&$filter=CategoryId eq {categories[0]}");
using var portal = Importer.Client(address, apiKey: key);
// Warm up for at least 30 seconds, longer when measuring longer: under full load on two cores the JIT
// needs 20 to 30 seconds to reach its optimised code (tiering and PGO), and measuring before that
// would report the compiler, not the service.
await Wrk.RunAsync(list.AbsoluteUri, duration > TimeSpan.FromSeconds(30) ? duration : TimeSpan.FromSeconds(30), key);

using var sample = await portal.GetAsync(list);
var body = await sample.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
var contentType = sample.Content.Headers.ContentType!.ToString();

var meter = CpuMeter.Start(service.ProcessId);
var serviceResult = await Wrk.RunAsync(list.AbsoluteUri, duration, key);
var cpu = meter.Stop();
await using var nginx = await Nginx.ServeAsync(body, contentType, port: 18080);
var nginxResult = await Wrk.RunAsync(nginx.Url.AbsoluteUri, duration);

var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({model}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB; wrk -t2 -c32 -d{duration.TotalSeconds}s on the same cores");
Console.WriteLine($"Corpus: {articles} articles x 6 languages (~4 KB Markdown each), imported and published through the REST API in {import.TotalSeconds:F0} s ({articles / import.TotalSeconds:F0} articles/s)");
Console.WriteLine($"Response: {body.Length} bytes, {contentType}");
Console.WriteLine($"| server | requests/s | p50 ms | p99 ms |");
Console.WriteLine($"|---|---|---|---|");
Console.WriteLine($"| ContentHub OData (uncached) | {serviceResult.RequestsPerSecond:F0} | {serviceResult.P50Milliseconds:F2} | {serviceResult.P99Milliseconds:F2} |");
Console.WriteLine($"| nginx, same bytes from a file | {nginxResult.RequestsPerSecond:F0} | {nginxResult.P50Milliseconds:F2} | {nginxResult.P99Milliseconds:F2} |");
var requests = serviceResult.RequestsPerSecond * duration.TotalSeconds;
Console.WriteLine($"CPU per request of the list: service {cpu.ServiceMilliseconds / requests:F3} ms, PostgreSQL {cpu.PostgresMilliseconds / requests:F3} ms, whole machine {cpu.MachineMilliseconds / requests:F3} ms");
Console.WriteLine($"Ratio to nginx: {serviceResult.RequestsPerSecond / nginxResult.RequestsPerSecond:P1}");
