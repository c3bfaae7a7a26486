namespace ContentHub.Domain.Translation;

/// <summary>A language's translation state, derived (never stored) from the variant, its approvals and its source.</summary>
public enum TranslationState
{
    Missing,
    MachineTranslated,
    InTranslation,
    InReview,
    Approved,

    /// <summary>The source text changed after this translation was made from it.</summary>
    Outdated,
}
