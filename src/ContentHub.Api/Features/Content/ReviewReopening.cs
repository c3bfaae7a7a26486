using ContentHub.Api.Features.Audit;
using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Content;

/// <summary>
/// Changing approved content re-opens review for what changed. A change of the item's fields or of
/// its source text sends an approved or scheduled item back to review (and drops the schedule);
/// a translation's approval simply stops counting until a reviewer approves the new text.
/// </summary>
public sealed class ReviewReopening(AuditLog audit)
{
    /// <summary>Called after the item's own fields or its source-language text changed.</summary>
    public void AfterChange(ContentItem item, DateTimeOffset now)
    {
        if (item.State is EditorialState.Approved or EditorialState.Scheduled)
        {
            audit.Add("workflow.review-reopened", item.Id, fromState: item.State.ToString(), toState: nameof(EditorialState.InReview));
            item.MoveTo(EditorialState.InReview, now);
        }
    }
}
