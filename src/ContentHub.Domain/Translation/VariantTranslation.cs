namespace ContentHub.Domain.Translation;

/// <summary>
/// Provenance and progress of a translated variant (absent on the source language): what its
/// current text was made from, by whom or what, and where the translator's work stands.
/// </summary>
/// <param name="SourceRevisionId">The source-language revision the text was translated from.</param>
/// <param name="SourceFingerprint">That source text's <see cref="TextFingerprint"/>: when the source's differs, the translation is outdated.</param>
/// <param name="Origin">Person, machine, memory, or a draft a person fixed.</param>
/// <param name="Provider">For machine text, the provider and model or category; for memory, how many segments came from it.</param>
/// <param name="MadeAt">When the machine or memory draft was made.</param>
/// <param name="TranslatedBy">The last person who wrote the text (null while only a machine has).</param>
/// <param name="Stage">Draft, in review, or returned.</param>
/// <param name="ReturnComment">The reviewer's reason, while returned.</param>
/// <param name="ReturnedBy">The reviewer who returned it.</param>
public sealed record VariantTranslation(
    long? SourceRevisionId,
    string SourceFingerprint,
    TranslationOrigin Origin,
    string? Provider,
    DateTimeOffset? MadeAt,
    string? TranslatedBy,
    TranslationStage Stage = TranslationStage.Draft,
    string? ReturnComment = null,
    string? ReturnedBy = null)
{
    /// <summary>The provenance after a person wrote the text: a machine or memory draft becomes post-edited.</summary>
    public VariantTranslation WrittenBy(string person, long? sourceRevisionId, string sourceFingerprint) => this with
    {
        SourceRevisionId = sourceRevisionId,
        SourceFingerprint = sourceFingerprint,
        Origin = Origin is TranslationOrigin.Person ? TranslationOrigin.Person : TranslationOrigin.PostEdited,
        TranslatedBy = person,
        Stage = Stage == TranslationStage.InReview ? TranslationStage.Draft : Stage,
    };
}
