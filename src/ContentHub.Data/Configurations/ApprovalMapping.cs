using ContentHub.Domain.Workflow;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Data.Configurations;

/// <summary>Maps an <see cref="Approval"/> into its owner's row, as columns named after it (review_revision_id…).</summary>
internal static class ApprovalMapping
{
    public static void MapApproval<TOwner>(this OwnedNavigationBuilder<TOwner, Approval> approval)
        where TOwner : class =>
        approval.Property(a => a.By).HasMaxLength(200);
}
