using System.Diagnostics;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Translation;
using ContentHub.Data.Embedded;
using ContentHub.Domain.Content;
using ContentHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContentHub.Benchmarks;

/// <summary>
/// What a batch of machine translation costs: <c>items</c> approved Vietnamese articles (about 4 KB
/// of Markdown each) drafted into five languages through the API against the fake translator, then
/// the same texts again after their translations were approved, so that translation memory answers.
/// Prints translator requests, characters, and the time per item of each round.
/// </summary>
public static class TranslationBenchmark
{
    private static readonly string[] Targets = ["en", "zh-Hans", "ko", "ja", "lo"];

    public static async Task RunAsync(int items)
    {
        const string AdminPassword = "Bench-admin-2026";
        var folder = Path.Combine(Path.GetTempPath(), $"contenthub-translation-benchmark-{Environment.ProcessId}");
        await using var translator = new FakeTranslator();
        await translator.StartAsync();
        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = false, Database = "benchmark" }, NullLogger.Instance);
        await using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings__ContentHub"] = cluster.ConnectionString(),
            ["Database__MigrateOnStartup"] = "true",
            ["Auth__AdminPassword"] = AdminPassword,
            ["Scheduling__Enabled"] = "false",
            ["Translation__Endpoint"] = translator.Url,
            ["Translation__Key"] = FakeTranslator.Key,
            ["Translation__MonthlyCharacterBudget"] = "1000000000",
            ["Translation__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        var address = await service.WaitUntilListeningAsync(TimeSpan.FromMinutes(2));
        using var anonymous = Importer.Client(address);
        using var admin = Importer.Client(address, (await Staff.SignInAsync(anonymous, "admin", AdminPassword)).AccessToken);
        var importer = new Importer(admin, admin, new Corpus(seed: 2026));
        var unit = await importer.UnitAsync();
        var category = (await importer.CategoriesAsync(1))[0];
        (await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest("bench-reviewer", "Reviewer", "Bench-review-2026", ["Reviewer"], unit))).EnsureSuccessStatusCode();
        using var reviewer = Importer.Client(address, (await Staff.SignInAsync(anonymous, "bench-reviewer", "Bench-review-2026")).AccessToken);

        Console.WriteLine($"Service at {address}; {items} approved articles, drafted into {string.Join(", ", Targets)}");
        var first = await ApprovedSourcesAsync(admin, reviewer, unit, category, items);
        var cold = await DraftAsync(admin, translator, first);

        Console.WriteLine("Approving the drafts, so that translation memory holds them");
        await Parallel.ForEachAsync(first, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, cancellationToken) =>
        {
            foreach (var language in Targets)
            {
                using var approved = await Steps.TryLanguageAsync(reviewer, id, language, "approve");
                approved.EnsureSuccessStatusCode();
            }
        });

        var second = await ApprovedSourcesAsync(admin, reviewer, unit, category, items);
        var warm = await DraftAsync(admin, translator, second);

        Console.WriteLine();
        Console.WriteLine($"| round | items | translator requests | characters billed | memory hits (segments) | time per item |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        Console.WriteLine(cold.Row("new texts", items));
        Console.WriteLine(warm.Row("the same texts again (memory)", items));
        Console.WriteLine($"The fake translator answers in about a millisecond; Azure's own time per request comes on top of the first row's.");
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<List<Guid>> ApprovedSourcesAsync(HttpClient admin, HttpClient reviewer, Guid unit, Guid category, int count)
    {
        var corpus = new Corpus(seed: 2026);
        var ids = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, cancellationToken) =>
        {
            var (title, body) = corpus.Article(index, "vi");
            using var created = await admin.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unit, category, new VariantRequest(title, body)), TestJson.Options, cancellationToken);
            var item = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options, cancellationToken))!;
            await Steps.TakeAsync(admin, item.Id, "submit");
            await Steps.TakeAsync(reviewer, item.Id, "approve");
            ids[index] = item.Id;
        });
        return [.. ids];
    }

    private static async Task<Round> DraftAsync(HttpClient admin, FakeTranslator translator, List<Guid> items)
    {
        var before = translator.Translated.Count();
        var clock = Stopwatch.StartNew();
        var jobs = new List<TranslationJobResponse>();
        foreach (var chunk in items.Chunk(TranslationService.MaxBatchItems))
        {
            using var queued = await admin.PostAsJsonAsync("/api/v1/translation/jobs", new MachineBatchRequest(chunk, Targets), TestJson.Options);
            jobs.AddRange((await queued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<List<TranslationJobResponse>>(TestJson.Options))!);
        }

        var finished = new List<TranslationJobResponse>();
        var pending = jobs.Select(j => j.Id).ToList();
        while (pending.Count > 0)
        {
            await Task.Delay(500);
            var still = new List<long>();
            foreach (var id in pending)
            {
                var job = (await admin.GetFromJsonAsync<TranslationJobResponse>($"/api/v1/translation/jobs/{id}", TestJson.Options))!;
                if (job.State is "Queued" or "Running")
                {
                    still.Add(id);
                }
                else
                {
                    finished.Add(job);
                }
            }

            pending = still;
        }

        clock.Stop();
        if (finished.FirstOrDefault(j => j.State != "Done") is { } failed)
        {
            throw new InvalidOperationException($"Job {failed.Id} ended {failed.State}: {failed.Message}");
        }

        return new Round(finished.Sum(j => j.Requests), translator.Translated.Count() - before, finished.Sum(j => j.Characters), finished.Sum(j => j.MemoryHits), clock.Elapsed);
    }

    private sealed record Round(int Requests, int Received, long Characters, int MemoryHits, TimeSpan Elapsed)
    {
        public string Row(string name, int items) =>
            $"| {name} | {items} | {Requests} (the fake received {Received}) | {Characters:N0} | {MemoryHits:N0} | {Elapsed.TotalMilliseconds / items:F1} ms |";
    }
}
