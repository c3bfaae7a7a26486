namespace ContentHub.Api.Hosting;

/// <summary>What the service does with its database at start-up, from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations at start-up. Default: on for the embedded cluster and in Development, off otherwise.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Load the demo content when the database holds none yet. Default: on for the embedded cluster only.</summary>
    public bool? SeedDemoContent { get; set; }
}
