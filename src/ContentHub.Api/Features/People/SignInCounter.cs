using ContentHub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.People;

/// <summary>
/// Counts failed sign-ins and locks accounts in one UPDATE each, where Identity's
/// <c>AccessFailedAsync</c> reads, increments and writes back under an optimistic concurrency stamp:
/// with many attempts at once for one account, all but one of those writes failed, so attempts went
/// uncounted (lockout could be outrun) and the failed write then broke the next save of the request
/// (a 500). PostgreSQL serialises the UPDATEs on the row, and each one counts from the committed value.
/// </summary>
public sealed class SignInCounter(ContentHubDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>Counts one failure; true when the account is now locked.</summary>
    public async Task<bool> FailedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var lockout = identity.Value.Lockout;
        var max = lockout.MaxFailedAccessAttempts;
        DateTimeOffset? until = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
        var stamp = Guid.NewGuid().ToString();
        await db.Users.Where(u => u.Id == userId && u.LockoutEnabled).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= max ? until : u.LockoutEnd)
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 >= max ? 0 : u.AccessFailedCount + 1)
            .SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken).ConfigureAwait(false);
        var lockedUntil = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleAsync(cancellationToken).ConfigureAwait(false);
        return lockedUntil > clock.GetUtcNow();
    }

    /// <summary>A successful sign-in starts the count again.</summary>
    public Task SucceededAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId && u.AccessFailedCount != 0)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
}
