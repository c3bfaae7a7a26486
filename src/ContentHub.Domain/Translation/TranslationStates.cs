using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Workflow;

namespace ContentHub.Domain.Translation;

/// <summary>
/// Derives a language's <see cref="TranslationState"/> from what is stored, so that it can never
/// contradict the approvals: Approved means the current text is approved (and, for a sensitive item,
/// signed off), exactly as publication reads it.
/// </summary>
public static class TranslationStates
{
    /// <param name="latestRevision">The newest revision of the language's variant.</param>
    public static TranslationState Of(ContentItem item, LanguageTag language, long? latestRevision) =>
        item.FindVariant(language) is not { } variant
            ? TranslationState.Missing
            : Derive(item.Sensitive, language == item.SourceLanguage ? null : item.FindVariant(item.SourceLanguage)?.Fingerprint,
                new VariantFacts(variant.Review, variant.SignOff, variant.Translation), latestRevision);

    /// <summary>The same from the few facts it needs, for lists that do not load whole items.</summary>
    public static TranslationState Derive(bool sensitive, string? sourceFingerprint, VariantFacts? variant, long? latestRevision)
    {
        if (variant is null)
        {
            return TranslationState.Missing;
        }

        if (variant.Translation is { } made && sourceFingerprint is not null && made.SourceFingerprint != sourceFingerprint)
        {
            return TranslationState.Outdated;
        }

        var reviewed = variant.Review?.Covers(latestRevision) == true;
        if (reviewed && (!sensitive || variant.SignOff?.Covers(latestRevision) == true))
        {
            return TranslationState.Approved;
        }

        return variant.Translation switch
        {
            { Stage: TranslationStage.InReview } => TranslationState.InReview,
            { Origin: TranslationOrigin.Machine or TranslationOrigin.Memory } => TranslationState.MachineTranslated,
            _ => reviewed ? TranslationState.InReview : TranslationState.InTranslation,
        };
    }

    /// <summary>True when the source text changed after this translation was made from it.</summary>
    public static bool IsOutdated(ContentItem item, ContentVariant variant) =>
        variant.Language != item.SourceLanguage
        && variant.Translation is { } translation
        && item.FindVariant(item.SourceLanguage) is { } source
        && translation.SourceFingerprint != source.Fingerprint;
}

/// <summary>What the state of one language depends on.</summary>
public sealed record VariantFacts(Approval? Review, Approval? SignOff, VariantTranslation? Translation);
