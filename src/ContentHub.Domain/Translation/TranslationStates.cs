using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;

namespace ContentHub.Domain.Translation;

/// <summary>
/// Derives a language's <see cref="TranslationState"/> from what is stored, so that it can never
/// contradict the approvals: Approved means the current text is approved (and, for a sensitive item,
/// signed off), exactly as publication reads it.
/// </summary>
public static class TranslationStates
{
    /// <param name="latestRevision">The newest revision of the language's variant.</param>
    public static TranslationState Of(ContentItem item, LanguageTag language, long? latestRevision)
    {
        if (item.FindVariant(language) is not { } variant)
        {
            return TranslationState.Missing;
        }

        if (IsOutdated(item, variant))
        {
            return TranslationState.Outdated;
        }

        if (variant.Review?.Covers(latestRevision) == true && (!item.Sensitive || variant.SignOff?.Covers(latestRevision) == true))
        {
            return TranslationState.Approved;
        }

        return variant.Translation switch
        {
            { Stage: TranslationStage.InReview } => TranslationState.InReview,
            { Origin: TranslationOrigin.Machine or TranslationOrigin.Memory } => TranslationState.MachineTranslated,
            _ => variant.Review?.Covers(latestRevision) == true ? TranslationState.InReview : TranslationState.InTranslation,
        };
    }

    /// <summary>True when the source text changed after this translation was made from it.</summary>
    public static bool IsOutdated(ContentItem item, ContentVariant variant) =>
        variant.Language != item.SourceLanguage
        && variant.Translation is { } translation
        && item.FindVariant(item.SourceLanguage) is { } source
        && translation.SourceFingerprint != source.Fingerprint;
}
