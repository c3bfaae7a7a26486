namespace ContentHub.Domain.Translation;

/// <summary>Where a translator's work stands, as far as approvals do not already say.</summary>
public enum TranslationStage
{
    /// <summary>Being written or fixed.</summary>
    Draft,

    /// <summary>Submitted for review after its checks passed.</summary>
    InReview,

    /// <summary>Sent back by a reviewer, with a comment.</summary>
    Returned,
}
