using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContentHub.Testing;
using Xunit.Abstractions;

namespace ContentHub.Api.Tests.Hosting;

/// <summary>
/// The embedded PostgreSQL killed under a running service, on the real process: requests get 503
/// with Retry-After (never a 500), the outage is logged once rather than per request, the launcher
/// starts the server again, and the same process answers 200 again without a restart.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_killed_embedded_postgres_means_503s_then_recovery_without_restarting_the_service()
    {
        var folder = Path.Combine(Path.GetTempPath(), "contenthub-outage-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var service = ServiceProcess.Start(new Dictionary<string, string?>
            {
                ["EmbeddedPostgres__DataDirectory"] = folder,
                ["EmbeddedPostgres__Durable"] = "false",
                ["Database__SeedDemoContent"] = "false",
                ["Auth__AdminPassword"] = ApiFactory.AdminPassword,
            });
            using var client = new HttpClient { BaseAddress = await service.WaitUntilListeningAsync(StartTimeout), Timeout = TimeSpan.FromSeconds(30) };
            var (token, _) = await Staff.SignInAsync(client, "admin", ApiFactory.AdminPassword);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/items")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

            var killed = ServerPid(folder);
            var logBefore = service.Output.Length;
            using (var kill = Process.Start("kill", ["-KILL", killed.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var statuses = new List<HttpStatusCode>();
            var readyStatuses = new HashSet<HttpStatusCode>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < RecoveryLimit)
            {
                using var response = await client.GetAsync("/api/v1/items");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
                    using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    Assert.Equal("urn:contenthub:problem:database-unavailable", problem.RootElement.GetProperty("type").GetString());
                    using var ready = await client.GetAsync("/health/ready");
                    readyStatuses.Add(ready.StatusCode);
                }
                else if (response.StatusCode == HttpStatusCode.OK && statuses.Contains(HttpStatusCode.ServiceUnavailable))
                {
                    break;
                }

                await Task.Delay(50);
            }

            Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
            Assert.True(statuses[^1] == HttpStatusCode.OK, $"Not back within {RecoveryLimit}: {statuses[^1]}. Service log since the kill:\n{service.Output[logBefore..]}");
            // Readiness is asked right after each 503; the last one may already see the server back.
            Assert.Contains(HttpStatusCode.ServiceUnavailable, readyStatuses);
            output.WriteLine($"Back after {clock.Elapsed.TotalSeconds:0.0} s: {statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} answers 503, then 200.");
            Assert.NotEqual(killed, ServerPid(folder));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

            // Logged once, not per request: one line for the outage, one for its end, no stack traces.
            var log = await LogAfterRecoveryAsync(service, logBefore);
            Assert.Equal(1, Occurrences(log, "The database cannot be reached"));
            Assert.Contains("The database answers again", log, StringComparison.Ordinal);
            Assert.Contains("is gone; starting it again", log, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int ServerPid(string folder) =>
        int.Parse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    // The end of the outage is logged by a monitor that looks every second.
    private static async Task<string> LogAfterRecoveryAsync(ServiceProcess service, int from)
    {
        var clock = Stopwatch.StartNew();
        while (!service.Output[from..].Contains("The database answers again", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        return service.Output[from..];
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
