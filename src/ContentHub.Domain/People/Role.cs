namespace ContentHub.Domain.People;

/// <summary>What a person may do in ContentHub.</summary>
public enum Role
{
    /// <summary>Manages people, units and categories; acts on every unit's content.</summary>
    Admin,

    /// <summary>Drafts, revises, submits, schedules and publishes their own unit's content.</summary>
    Editor,

    /// <summary>Approves or returns their own unit's content (never their own).</summary>
    Reviewer,

    /// <summary>Gives the second sign-off that sensitive content needs (a spokesperson or head of unit).</summary>
    Lead,

    /// <summary>Writes and fixes the variants in the languages assigned to them.</summary>
    Translator,
}
