using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;
using ContentHub.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// Drops this instance's cached answers as soon as a unit of work that changes what portals are
/// served has been saved, so that the next request here sees the change (the NOTIFY that reaches the
/// other instances on commit reaches this one too, a moment later). What changes answers: a published
/// entry (every such change writes a <see cref="SyncChange"/>), a portal, a category or an organisation
/// unit (their names are in answers).
/// </summary>
public sealed class AnswerChangeSignal(PortalAnswerCache answers) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Shaping = [typeof(SyncChange), typeof(Portal), typeof(Category), typeof(OrgUnit)];

    // Which contexts are saving such a change; a pooled context saves one unit of work at a time.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(Changes))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            answers.Invalidate();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static bool Changes(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && (Shaping.Contains(entry.Metadata.ClrType) || (entry.Metadata.FindOwnership()?.PrincipalEntityType.ClrType is { } owner && Shaping.Contains(owner)));
}
