using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Audit;

namespace ContentHub.Api.Features.Audit;

/// <summary>
/// Appends to the audit log. <see cref="Add"/> puts the entry in the same unit of work as the change it
/// records, so both are saved or neither; <see cref="WriteAsync"/> saves at once (a failed sign-in
/// changes nothing else).
/// </summary>
public sealed class AuditLog(ContentHubDbContext db, CurrentUser user, TimeProvider clock)
{
    public void Add(string action, Guid? itemId = null, string? language = null, string? subject = null,
        string? fromState = null, string? toState = null, string? details = null, string? actor = null) =>
        db.AuditEntries.Add(AuditEntry.Of(clock.GetUtcNow(), actor ?? user.Name, action, user.IpAddress, itemId, language, subject, fromState, toState, details));

    public async Task WriteAsync(string action, string actor, string? subject = null, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(action, subject: subject, details: details, actor: actor);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
