namespace ContentHub.Domain.Revisions;

/// <summary>What a save did.</summary>
public enum RevisionAction
{
    Created,
    Updated,
    Restored,
}
