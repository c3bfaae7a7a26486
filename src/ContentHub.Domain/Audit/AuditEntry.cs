namespace ContentHub.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what, when, from where, and for a state change the states
/// before and after. Entries are only ever appended; the database refuses to change or delete them.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxDetailsLength = 4000;
    public const int MaxActorLength = 200;
    public const int MaxSubjectLength = 200;
    public const int MaxIpAddressLength = 64;

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
            Actor = Storable(actor, MaxActorLength)!,
            Action = action,
            IpAddress = Storable(ipAddress, MaxIpAddressLength),
            ItemId = itemId,
            Language = Storable(language, 16),
            Subject = Storable(subject, MaxSubjectLength),
            FromState = fromState,
            ToState = toState,
            Details = Storable(details, MaxDetailsLength),
        };

    /// <summary>
    /// What the caller sent may be what was refused (a user name with NUL in it, or one of 10,000
    /// characters): the entry must still be written, so characters PostgreSQL cannot store become
    /// U+FFFD and the text is cut to its column, never inside a surrogate pair.
    /// </summary>
    private static string? Storable(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var chars = text.Length > maxLength ? text.ToCharArray(0, maxLength) : text.ToCharArray();
        var length = chars.Length;
        if (text.Length > maxLength && char.IsHighSurrogate(chars[length - 1]))
        {
            length--;
        }

        for (var i = 0; i < length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars, 0, length);
    }
}
