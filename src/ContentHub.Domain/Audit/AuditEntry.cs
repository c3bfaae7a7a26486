namespace ContentHub.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what, when, from where, and for a state change the states
/// before and after. Entries are only ever appended; the database refuses to change or delete them.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxDetailsLength = 4000;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    /// <summary>What happened, such as <c>item.created</c>, <c>workflow.approve</c>, <c>auth.login-failed</c>.</summary>
    public string Action { get; private set; } = string.Empty;

    public Guid? ItemId { get; private set; }

    public string? Language { get; private set; }

    /// <summary>What else the entry is about, such as <c>user:editor</c> for a permission change.</summary>
    public string? Subject { get; private set; }

    public string? FromState { get; private set; }

    public string? ToState { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>Free text: a reason, the revision approved, what changed.</summary>
    public string? Details { get; private set; }

    public static AuditEntry Of(DateTimeOffset at, string actor, string action, string? ipAddress, Guid? itemId = null, string? language = null,
        string? subject = null, string? fromState = null, string? toState = null, string? details = null) => new()
        {
            At = at,
            Actor = actor,
            Action = action,
            IpAddress = ipAddress,
            ItemId = itemId,
            Language = language,
            Subject = subject,
            FromState = fromState,
            ToState = toState,
            Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details,
        };
}
