using System.ComponentModel.DataAnnotations;

namespace ContentHub.Api.Features.Scheduling;

/// <summary>Scheduled publishing, from the <c>Scheduling</c> configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>False to run no publishing worker in this instance (another instance does it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due items; publication happens within this of the due time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Items handled per look, so that one look stays short.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// The province's offset from UTC (Viet Nam keeps +07:00 all year): a promotional asset whose
    /// rights end on a day comes down when that day ends here.
    /// </summary>
    [Range(typeof(TimeSpan), "-14:00:00", "14:00:00")]
    public TimeSpan LocalUtcOffset { get; set; } = TimeSpan.FromHours(7);
}
