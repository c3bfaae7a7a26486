using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContentHub.Data.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the locally installed server binaries: created on first
/// use in <see cref="EmbeddedPostgresOptions.DataDirectory"/>, reachable only through a Unix socket
/// in a folder no other user can enter, and stopped again by <see cref="StopAsync"/>. A server left
/// running by a crashed run is found through its <c>postmaster.pid</c> and reused, never duplicated.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The superuser initdb creates; trust is safe because only the socket's owner can reach it.</summary>
    public const string SuperUser = "contenthub";

    private const int Port = 5432;

    private readonly EmbeddedPostgresOptions _options;
    private readonly PostgresBinaries _binaries;
    private readonly ILogger _logger;
    private readonly string? _runAs;
    private readonly SemaphoreSlim _starting = new(1, 1);
    private volatile bool _stopped;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, PostgresBinaries binaries, ILogger logger)
    {
        _options = options;
        _binaries = binaries;
        _logger = logger;
        _runAs = IsRoot() ? options.SystemUser : null;
        RootDirectory = Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>The folder holding the cluster (<c>data/</c>), its socket (<c>socket/</c>) and its log.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string SocketDirectory => Path.Combine(RootDirectory, "socket");

    public string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Finds the binaries, creates the cluster if needed, starts it (or reuses a running one) and creates the database.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var server = new EmbeddedPostgres(options, PostgresBinaries.Locate(options), logger);
        await server.PrepareDirectoriesAsync(cancellationToken).ConfigureAwait(false);
        await server.InitializeIfNewAsync(cancellationToken).ConfigureAwait(false);
        await server.StartOrReuseAsync(cancellationToken).ConfigureAwait(false);
        await server.CreateDatabaseAsync(options.Database, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>A connection string for a database of this cluster (the configured one by default).</summary>
    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = SuperUser,
        Database = database ?? _options.Database,
    }.ConnectionString;

    /// <summary>Creates the database unless it exists.</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        // A restart under way finishes first, so that nothing starts the server after it was stopped.
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            NpgsqlConnection.ClearAllPools();
            var result = await PgCtlAsync(["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                _logger.LogWarning("Stopping the embedded PostgreSQL server failed: {Output}", result.Output);
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _starting.Dispose();
    }

    /// <summary>
    /// True while the server named in the lock file runs. A killed server leaves its lock file behind,
    /// so the process itself is looked at (a zombie counts as gone).
    /// </summary>
    public bool IsServerAlive()
    {
        if (ServerProcessId() is not { } pid)
        {
            return false;
        }

        if (!Directory.Exists("/proc/self"))
        {
            return true; // No procfs to look at: pg_ctl decides.
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the command name in parentheses, which may itself contain spaces or ')'.
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// Starts the server again when it died under us (killed, or crashed); PostgreSQL's own crash
    /// recovery then replays its log. Returns true when it had to start it. Does nothing once
    /// <see cref="StopAsync"/> was called: stopping on shutdown is not a death to recover from.
    /// </summary>
    public async Task<bool> RestartIfDeadAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped || IsServerAlive())
        {
            return false;
        }

        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stopped || IsServerAlive())
            {
                return false;
            }

            LogRestarting(_logger, ServerProcessId());
            // Connections in the pools belong to the dead server; each would fail once more.
            NpgsqlConnection.ClearAllPools();
            await StartServerAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>The process id of the running server, from its lock file.</summary>
    public int? ServerProcessId()
    {
        var lockFile = Path.Combine(DataDirectory, "postmaster.pid");
        return File.Exists(lockFile) && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), out var pid) ? pid : null;
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task PrepareDirectoriesAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RootDirectory);
        Directory.CreateDirectory(SocketDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (_runAs is null)
        {
            return;
        }

        var chown = await ProcessRunner.RunAsync("chown", ["-R", $"{_runAs}:", RootDirectory], asUser: null, cancellationToken).ConfigureAwait(false);
        if (!chown.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"The service runs as root, so PostgreSQL must run as the system user '{_runAs}' (EmbeddedPostgres:SystemUser), " +
                $"but {RootDirectory} could not be given to it: {chown.Output}");
        }

        var reach = await ProcessRunner.RunAsync("test", ["-w", RootDirectory, "-a", "-x", RootDirectory], _runAs, cancellationToken).ConfigureAwait(false);
        if (!reach.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"The system user '{_runAs}' cannot reach {RootDirectory} (a parent folder is closed to it). " +
                "Set EmbeddedPostgres:DataDirectory to a folder it can reach, or configure ConnectionStrings:ContentHub.");
        }
    }

    private async Task InitializeIfNewAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        LogInitializing(_logger, DataDirectory);
        var result = await RunToolAsync(_binaries.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-instructions"],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException($"initdb failed for {DataDirectory}: {result.Output}");
        }

        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), "\ninclude_if_exists = 'contenthub.conf'\n", cancellationToken).ConfigureAwait(false);
    }

    private async Task StartOrReuseAsync(CancellationToken cancellationToken)
    {
        if (await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            LogReusing(_logger, ServerProcessId());
        }
        else
        {
            await StartServerAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // A killed server that nobody reaps stays a zombie, which pg_ctl and postgres both take for a live
        // server (kill -0 succeeds on it), so its lock file would block every start. It is dead: remove it.
        var lockFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(lockFile) && !IsServerAlive())
        {
            File.Delete(lockFile);
        }

        await WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
        var start = await PgCtlAsync(["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-s"], cancellationToken).ConfigureAwait(false);
        // Another process may have started the same cluster a moment earlier: then use that one.
        if (!start.Succeeded && !await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new EmbeddedPostgresException($"PostgreSQL did not start: {start.Output} {TailOfLog()}");
        }

        LogStarted(_logger, ServerProcessId(), SocketDirectory);
        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        IsServerAlive()
        && (await PgCtlAsync(["status", "-D", DataDirectory], cancellationToken).ConfigureAwait(false)).Succeeded;

    // Written on every start so that a moved folder still gets the right socket path.
    private async Task WriteSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new List<string>
        {
            "# Written by ContentHub's embedded launcher on every start; edits here are lost.",
            "listen_addresses = ''",
            $"unix_socket_directories = '{SocketDirectory.Replace("'", "''", StringComparison.Ordinal)}'",
            "unix_socket_permissions = 0700",
            $"port = {Port}",
            $"max_connections = {_options.MaxConnections}",
        };
        if (!_options.Durable)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        var path = Path.Combine(DataDirectory, "contenthub.conf");
        await File.WriteAllLinesAsync(path, settings, cancellationToken).ConfigureAwait(false);
        if (_runAs is not null)
        {
            await ProcessRunner.RunAsync("chown", [$"{_runAs}:", path], asUser: null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        // A timeout, not a time of day: measured on the monotonic clock.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception)
            {
                throw new EmbeddedPostgresException($"PostgreSQL in {DataDirectory} does not accept connections: {exception.Message} {TailOfLog()}");
            }
        }
    }

    private Task<ProcessRunner.Result> PgCtlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunToolAsync(_binaries.PgCtl, arguments, cancellationToken);

    private Task<ProcessRunner.Result> RunToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(tool, arguments, _runAs, cancellationToken);

    private string TailOfLog()
    {
        try
        {
            return File.Exists(LogFile) ? "Server log: " + string.Join(" | ", File.ReadLines(LogFile).TakeLast(5)) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    // The effective uid is the second field of the Uid line in /proc/self/status.
    private static bool IsRoot() =>
        File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal))
            ?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) == "0";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded PostgreSQL server (pid {Pid}) is gone; starting it again")]
    private static partial void LogRestarting(ILogger logger, int? pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating a private PostgreSQL cluster in {DataDirectory}")]
    private static partial void LogInitializing(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the PostgreSQL server (pid {Pid}) left running in this data folder")]
    private static partial void LogReusing(ILogger logger, int? pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started PostgreSQL (pid {Pid}), listening on the Unix socket in {SocketDirectory}")]
    private static partial void LogStarted(ILogger logger, int? pid, string socketDirectory);
}
