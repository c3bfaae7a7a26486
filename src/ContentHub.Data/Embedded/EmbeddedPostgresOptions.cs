namespace ContentHub.Data.Embedded;

/// <summary>Settings of the private PostgreSQL cluster started when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    public const string SectionName = "EmbeddedPostgres";

    /// <summary>Folder holding the cluster, its socket and its log; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = Path.Combine(".contenthub", "postgres");

    /// <summary>Folder of initdb, pg_ctl and postgres. When unset: <c>CONTENTHUB_PG_BIN</c>, then PATH, then the newest <see cref="InstallRoot"/>/*/bin.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Where distribution packages install PostgreSQL versions side by side.</summary>
    public string InstallRoot { get; set; } = "/usr/lib/postgresql";

    /// <summary>The database the service uses.</summary>
    public string Database { get; set; } = "contenthub";

    /// <summary>PostgreSQL refuses to run as root; when the service runs as root the server runs as this user.</summary>
    public string SystemUser { get; set; } = "postgres";

    /// <summary>False for throw-away clusters (tests): no fsync, much faster, lost on a power cut.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Connections the server accepts; a test run holds one pool per test class's database.</summary>
    public int MaxConnections { get; set; } = 200;
}
