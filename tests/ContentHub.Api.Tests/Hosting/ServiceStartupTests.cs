using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.People;
using ContentHub.Api.Http;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Hosting;

/// <summary>The two ways an operator meets the embedded default: it works, or it says plainly why not.</summary>
public sealed class ServiceStartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task With_no_connection_string_the_service_runs_its_own_postgres_with_demo_content_and_stops_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "contenthub-run-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new Dictionary<string, string?> { ["EmbeddedPostgres__DataDirectory"] = folder };
        try
        {
            int serverPid;
            int itemCount;
            await using (var service = ServiceProcess.Start(environment))
            {
                var address = await service.WaitUntilListeningAsync(StartTimeout);
                using var client = new HttpClient { BaseAddress = address };
                // The first start creates the administrator and prints its generated password, once.
                var password = Regex.Match(service.Output, "administrator 'admin' with the password: (\\S+)").Groups[1].Value;
                Assert.NotEmpty(password);
                var (token, _) = await Staff.SignInAsync(client, "admin", password);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var items = await client.GetFromJsonAsync<PagedResponse<ItemSummaryResponse>>("/api/v1/items", TestJson.Options);
                itemCount = items!.TotalCount;

                // Over real sockets the audit log records where a failed sign-in came from.
                using (var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest("editor", "wrong-password")))
                {
                    Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failed.StatusCode);
                }

                var log = await client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?action=auth.login-failed", TestJson.Options);
                Assert.Equal("127.0.0.1", Assert.Single(log!.Items).IpAddress);
                Assert.InRange(itemCount, 28, 40);
                serverPid = int.Parse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(Directory.Exists($"/proc/{serverPid}"));

                Assert.Equal(0, await service.StopAsync(TimeSpan.FromMinutes(1)));
            }

            Assert.False(File.Exists(Path.Combine(folder, "data", "postmaster.pid")));

            // A second start finds the cluster and its data: nothing is created or loaded twice.
            await using (var again = ServiceProcess.Start(environment))
            {
                var address = await again.WaitUntilListeningAsync(StartTimeout);
                using var client = new HttpClient { BaseAddress = address };
                // Tokens are protected by keys kept in the database, so a demo user's sign-in works on the new process too.
                var (token, _) = await Staff.SignInAsync(client, "editor", "Editor-demo-2026");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var items = await client.GetFromJsonAsync<PagedResponse<ItemSummaryResponse>>("/api/v1/items", TestJson.Options);
                Assert.Equal(itemCount, items!.TotalCount);
                Assert.DoesNotContain("Creating a private PostgreSQL cluster", again.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("Loaded the demo content", again.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("with the password", again.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_postgres_binaries_the_service_exits_with_a_clear_message_and_no_stack_trace()
    {
        var empty = Directory.CreateTempSubdirectory("contenthub-nobin-").FullName;
        try
        {
            await using var service = ServiceProcess.Start(new Dictionary<string, string?>
            {
                ["PATH"] = empty,
                ["CONTENTHUB_PG_BIN"] = null,
                ["EmbeddedPostgres__InstallRoot"] = empty,
                ["EmbeddedPostgres__DataDirectory"] = Path.Combine(empty, "data"),
            });

            var exitCode = await service.WaitForExitAsync(StartTimeout);

            Assert.Equal(2, exitCode);
            Assert.Contains("ContentHub cannot start", service.Output, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql", service.Output, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__ContentHub", service.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
