namespace ContentHub.Domain.Publishing;

/// <summary>
/// "What portals see of this item changed", written in the same transaction as the change to the
/// published read model. <see cref="TransactionId"/> is the writing transaction's id, set by the
/// database; the sync API reads only rows of transactions older than every transaction still
/// running, so a change that commits late is never skipped.
/// </summary>
public sealed class SyncChange
{
    private SyncChange()
    {
    }

    public long Id { get; private set; }

    /// <summary><c>pg_current_xact_id()</c> of the writing transaction.</summary>
    public long TransactionId { get; private set; }

    public Guid ItemId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static SyncChange Of(Guid itemId, DateTimeOffset now) => new() { ItemId = itemId, At = now };
}

/// <summary>How far old sync changes were pruned: a cursor from before <see cref="PrunedThrough"/> can no longer be followed.</summary>
public sealed class SyncPruning
{
    public const int SingleRow = 1;

    private SyncPruning()
    {
    }

    public int Id { get; private set; } = SingleRow;

    /// <summary>The highest transaction id whose changes were deleted; 0 when none were.</summary>
    public long PrunedThrough { get; private set; }
}
