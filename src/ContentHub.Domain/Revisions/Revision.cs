using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Revisions;

/// <summary>
/// An immutable snapshot appended on every save of an item's fields (<see cref="Language"/> null)
/// or of one language variant. Revisions are never changed; a restore appends a new one.
/// </summary>
public sealed class Revision
{
    private Revision()
    {
    }

    /// <summary>Increasing across the whole service, so it orders revisions and names them in URLs.</summary>
    public long Id { get; private set; }

    public Guid ItemId { get; private set; }

    /// <summary>The variant saved, or null when the item's own fields were saved.</summary>
    public LanguageTag? Language { get; private set; }

    public RevisionAction Action { get; private set; }

    /// <summary>For a restore, the revision whose content was brought back.</summary>
    public long? RestoredFrom { get; private set; }

    /// <summary>The saved state as JSON: an <see cref="ItemSnapshot"/> or a <see cref="VariantSnapshot"/>.</summary>
    public string Snapshot { get; private set; } = "{}";

    public string Author { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static Revision Of(Guid itemId, LanguageTag? language, RevisionAction action, string snapshot, string author, DateTimeOffset now, long? restoredFrom = null) =>
        new()
        {
            ItemId = itemId,
            Language = language,
            Action = action,
            Snapshot = snapshot,
            Author = author,
            CreatedAt = now,
            RestoredFrom = restoredFrom,
        };
}
