namespace ContentHub.Domain.Revisions;

/// <summary>How a line of the newer text relates to the older one.</summary>
public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>One line of a line diff.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);
