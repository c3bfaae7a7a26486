using ContentHub.Domain.Revisions;

namespace ContentHub.Api.Features.Revisions;

/// <summary>One saved state of an item's own fields or of one language variant.</summary>
/// <param name="Id">The revision's number, increasing over time.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Language">The variant saved, or null when the item's own fields were saved.</param>
/// <param name="Action">Created, Updated or Restored.</param>
/// <param name="RestoredFrom">For a restore, the revision brought back.</param>
/// <param name="Author">Who saved.</param>
/// <param name="CreatedAt">When (UTC).</param>
public sealed record RevisionSummaryResponse(long Id, Guid ItemId, string? Language, RevisionAction Action, long? RestoredFrom, string Author, DateTimeOffset CreatedAt)
{
    public static RevisionSummaryResponse From(Revision revision) =>
        new(revision.Id, revision.ItemId, revision.Language?.Code, revision.Action, revision.RestoredFrom, revision.Author, revision.CreatedAt);
}
