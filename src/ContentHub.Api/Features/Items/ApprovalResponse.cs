using ContentHub.Domain.Workflow;

namespace ContentHub.Api.Features.Items;

/// <summary>An approval or sign-off.</summary>
/// <param name="RevisionId">The revision it covers.</param>
/// <param name="By">Who gave it.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Current">True while that revision is still the latest: a later save means it no longer counts.</param>
public sealed record ApprovalResponse(long RevisionId, string By, DateTimeOffset At, bool Current)
{
    public static ApprovalResponse? From(Approval? approval, long? latestRevisionId) =>
        approval is null ? null : new ApprovalResponse(approval.RevisionId, approval.By, approval.At, approval.Covers(latestRevisionId));
}
