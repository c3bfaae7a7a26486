using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Publishing;
using ContentHub.Data;
using ContentHub.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Scheduling;

/// <summary>
/// Publishes and takes down what is due. Due rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> in
/// one transaction, so several instances can run this at once and each item is handled exactly once.
/// An item is published only if its approvals still cover its content at the due time; otherwise the
/// schedule is cancelled and the audit log says why. A promotional asset whose usage rights have
/// ended (the day after <c>RightsExpireOn</c>, in the province's time) is taken down the same way.
/// </summary>
public sealed class ScheduledPublisher(ContentHubDbContext db, AuditLog audit, PublicationProjector publication, IOptions<SchedulingOptions> options, TimeProvider clock)
{
    public const string Actor = "scheduler";

    /// <summary>The outcome of one look: how many items went up, came down, or lost their schedule.</summary>
    public sealed record Result(int Published, int Unpublished, int Cancelled);

    public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = options.Value.BatchSize;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var toPublish = await db.Database.SqlQuery<Guid>(
                $"SELECT id AS \"Value\" FROM content_items WHERE state = 'Scheduled' AND publish_at <= {now} ORDER BY publish_at LIMIT {batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(now.ToOffset(options.Value.LocalUtcOffset).DateTime);
        var toUnpublish = await db.Database.SqlQuery<Guid>(
                $"SELECT id AS \"Value\" FROM content_items WHERE state = 'Published' AND (unpublish_at <= {now} OR promo_rights_expire_on < {today}) ORDER BY unpublish_at LIMIT {batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (toPublish.Count + toUnpublish.Count == 0)
        {
            return new Result(0, 0, 0);
        }

        var items = await db.Items.Include(i => i.Variants).Where(i => toPublish.Contains(i.Id) || toUnpublish.Contains(i.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int published = 0, unpublished = 0, cancelled = 0;
        foreach (var item in items)
        {
            if (toUnpublish.Contains(item.Id))
            {
                item.MoveTo(EditorialState.Unpublished, now);
                await publication.RefreshAsync(item, latest: null, cancellationToken).ConfigureAwait(false);
                var expired = item.Promo?.RightsExpireOn < today && !(item.UnpublishAt <= now);
                audit.Add(expired ? "workflow.rights-expired" : "workflow.unpublish-scheduled", item.Id, fromState: nameof(EditorialState.Published), toState: item.State.ToString(),
                    details: expired ? $"usage rights ended {item.Promo!.RightsExpireOn:yyyy-MM-dd}" : null, actor: Actor);
                unpublished++;
                continue;
            }

            var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
            var missing = latest.MissingForPublication(item);
            var to = missing.Count == 0 ? EditorialState.Published : EditorialState.Approved;
            audit.Add(missing.Count == 0 ? "workflow.publish-scheduled" : "workflow.schedule-cancelled", item.Id,
                fromState: nameof(EditorialState.Scheduled), toState: to.ToString(), details: missing.Count == 0 ? $"due {item.PublishAt:O}" : string.Join("; ", missing), actor: Actor);
            item.MoveTo(to, now);
            await publication.RefreshAsync(item, latest, cancellationToken).ConfigureAwait(false);
            _ = missing.Count == 0 ? published++ : cancelled++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Result(published, unpublished, cancelled);
    }
}
