using ContentHub.Domain.Audit;

namespace ContentHub.Api.Features.Audit;

/// <summary>One line of the audit log.</summary>
/// <param name="Id">Increasing with time.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What, such as workflow.approve.</param>
/// <param name="ItemId">The item concerned.</param>
/// <param name="Language">The language concerned.</param>
/// <param name="Subject">What else is concerned, such as user:editor.</param>
/// <param name="FromState">The state before, for a state change.</param>
/// <param name="ToState">The state after, for a state change.</param>
/// <param name="IpAddress">The address the request came from.</param>
/// <param name="Details">A reason, the revisions approved, what changed.</param>
public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, Guid? ItemId, string? Language, string? Subject,
    string? FromState, string? ToState, string? IpAddress, string? Details)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.Actor, e.Action, e.ItemId, e.Language, e.Subject, e.FromState, e.ToState, e.IpAddress, e.Details);
}
