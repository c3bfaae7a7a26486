using System.Runtime.Versioning;
using ContentHub.Data.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContentHub.Api.Tests.Database;

/// <summary>The launcher behind the embedded default, on a cluster of its own (not the shared test cluster).</summary>
[SupportedOSPlatform("linux")]
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "contenthub-launcher-" + Guid.NewGuid().ToString("N")[..8]);
    private EmbeddedPostgres _server = null!;

    private EmbeddedPostgresOptions Options => new() { DataDirectory = _folder, Durable = false, Database = "launcher" };

    public async Task InitializeAsync() => _server = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance);

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_server_runs_unprivileged_and_listens_only_on_a_private_socket()
    {
        var pid = _server.ServerProcessId();
        Assert.NotNull(pid);
        var serverUid = UidOf($"/proc/{pid}/status");
        var ourUid = UidOf("/proc/self/status");
        if (ourUid == "0")
        {
            // PostgreSQL refuses to run as root; the launcher must hand it to the postgres user.
            Assert.NotEqual("0", serverUid);
            Assert.Equal(PasswdUid("postgres"), serverUid);
        }
        else
        {
            Assert.Equal(ourUid, serverUid);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_server.SocketDirectory));
        await using var connection = new NpgsqlConnection(_server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses') || '|' || pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()", connection);
        Assert.Equal("|UTF8", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_second_start_on_the_same_folder_reuses_the_running_server()
    {
        var pid = _server.ServerProcessId();

        var second = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance);

        Assert.Equal(pid, second.ServerProcessId());
        await using var connection = new NpgsqlConnection(second.ConnectionString());
        await connection.OpenAsync();
    }

    [Fact]
    public async Task A_lock_file_left_by_a_crashed_run_does_not_stop_the_next_start()
    {
        await _server.StopAsync();
        Assert.Null(_server.ServerProcessId());
        var lockFile = Path.Combine(_server.DataDirectory, "postmaster.pid");
        await File.WriteAllLinesAsync(lockFile, ["999999", _server.DataDirectory, "0", "5432", _server.SocketDirectory, "", "0 0", "ready"]);

        _server = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance);

        Assert.NotEqual(999999, _server.ServerProcessId());
        Assert.True(Directory.Exists($"/proc/{_server.ServerProcessId()}"));
        await using var connection = new NpgsqlConnection(_server.ConnectionString());
        await connection.OpenAsync();
    }

    [Fact]
    public async Task Stopping_ends_the_server_process()
    {
        var pid = _server.ServerProcessId();

        await _server.StopAsync();

        Assert.Null(_server.ServerProcessId());
        // The server removes its lock file just before it exits; give it a moment to be gone.
        for (var wait = 0; wait < 100 && IsAlive(pid!.Value); wait++)
        {
            await Task.Delay(100);
        }

        Assert.False(IsAlive(pid!.Value));
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/status") && !File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));

    private static string? UidOf(string statusFile) =>
        File.ReadLines(statusFile).First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];

    private static string PasswdUid(string user) =>
        File.ReadLines("/etc/passwd").Select(l => l.Split(':')).First(f => f[0] == user)[2];
}
