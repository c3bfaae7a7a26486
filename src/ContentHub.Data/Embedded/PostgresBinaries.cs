namespace ContentHub.Data.Embedded;

/// <summary>Finds the folder holding initdb, pg_ctl and postgres of one PostgreSQL version.</summary>
public sealed record PostgresBinaries(string Directory)
{
    public const string OverrideVariable = "CONTENTHUB_PG_BIN";

    private static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>The configured folder, then <see cref="OverrideVariable"/>, then PATH, then the newest installed version.</summary>
    public static PostgresBinaries Locate(EmbeddedPostgresOptions options) =>
        Locate(options, Environment.GetEnvironmentVariable(OverrideVariable), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="Locate(EmbeddedPostgresOptions)"/>, with the environment given explicitly.</summary>
    public static PostgresBinaries Locate(EmbeddedPostgresOptions options, string? overrideDirectory, string? path)
    {
        var explicitDirectory = options.BinDirectory ?? overrideDirectory;
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return HasAllTools(explicitDirectory)
                ? new PostgresBinaries(Path.GetFullPath(explicitDirectory))
                : throw new PostgresBinariesNotFoundException(
                    $"The PostgreSQL folder '{explicitDirectory}' (from EmbeddedPostgres:BinDirectory or {OverrideVariable}) does not hold initdb, pg_ctl and postgres.");
        }

        var found = FromPath(path ?? string.Empty) ?? NewestInstalled(options.InstallRoot);
        return found ?? throw new PostgresBinariesNotFoundException(
            "No PostgreSQL server binaries were found (initdb and pg_ctl, on PATH or under " + options.InstallRoot + "). " +
            "Either install the PostgreSQL server package (for example: apt-get install postgresql), " +
            "or configure an existing server with the connection string ConnectionStrings:ContentHub " +
            "(environment variable ConnectionStrings__ContentHub).");
    }

    private static PostgresBinaries? FromPath(string path)
    {
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(folder, "pg_ctl");
            if (!File.Exists(pgCtl))
            {
                continue;
            }

            // /usr/local/bin/pg_ctl is often a link into the version's own folder, where postgres lives too.
            var target = File.ResolveLinkTarget(pgCtl, returnFinalTarget: true)?.FullName ?? pgCtl;
            var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (HasAllTools(directory))
            {
                return new PostgresBinaries(directory);
            }
        }

        return null;
    }

    private static PostgresBinaries? NewestInstalled(string installRoot)
    {
        if (!System.IO.Directory.Exists(installRoot))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(installRoot)
            .Select(version => (Version: ParseVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
            .Where(candidate => candidate.Version is not null && HasAllTools(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => new PostgresBinaries(candidate.Bin))
            .FirstOrDefault();
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static bool HasAllTools(string directory) =>
        RequiredTools.All(tool => File.Exists(Path.Combine(directory, tool)));
}
