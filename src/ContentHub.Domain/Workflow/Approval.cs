namespace ContentHub.Domain.Workflow;

/// <summary>An approval or sign-off of one exact revision: it stops counting once that content changes.</summary>
/// <param name="RevisionId">The revision that was approved.</param>
/// <param name="By">Who approved it.</param>
/// <param name="At">When.</param>
public sealed record Approval(long RevisionId, string By, DateTimeOffset At)
{
    /// <summary>True while the approved revision is still the latest one.</summary>
    public bool Covers(long? latestRevisionId) => latestRevisionId == RevisionId;
}
