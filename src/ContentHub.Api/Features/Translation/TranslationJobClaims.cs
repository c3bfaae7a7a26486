using ContentHub.Data;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// The database is the queue: a worker claims the oldest queued job (or one whose claim lapsed
/// because its worker died) with <c>FOR UPDATE SKIP LOCKED</c>, so several instances never take the
/// same job and a restart loses none.
/// </summary>
public sealed class TranslationJobClaims(ContentHubDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Claims the next job; null when there is none.</summary>
    public async Task<long?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<long>($"""
            UPDATE translation_jobs SET state = 'Running', attempts = attempts + 1, claimed_until = {now + ClaimFor}
            WHERE id = (
                SELECT id FROM translation_jobs
                WHERE state = 'Queued' OR (state = 'Running' AND claimed_until < {now})
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>After a failure: the job waits for another attempt, or fails for good when it has had its attempts or cannot pass.</summary>
    public async Task GiveBackAsync(long jobId, string message, bool mayPass, CancellationToken cancellationToken)
    {
        var job = await db.TranslationJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (mayPass)
        {
            job.Retry(message, clock.GetUtcNow());
        }
        else
        {
            job.Finish(TranslationJobState.Failed, message, job.Characters, job.Requests, job.MemoryHits, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
