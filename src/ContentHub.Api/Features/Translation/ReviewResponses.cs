using ContentHub.Domain.Revisions;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// One item and language as a reviewer reads it: the language's state and provenance, the source and
/// the translation aligned segment by segment, and, for an outdated translation, what changed in the
/// source since the translation was made from it (field by field, and in each segment).
/// </summary>
public sealed record TranslationReviewResponse(
    LanguageStateResponse Language, string SourceLanguage, long? CurrentSourceRevisionId,
    IReadOnlyList<FieldChange> SourceChanges, IReadOnlyList<ReviewSegment> Segments);

/// <summary>
/// One segment side by side, in the canonical code form (<c>{1}</c>…<c>{/1}</c>, <c>{2/}</c>) with what each
/// code stands for. State is <c>missing</c> (no translation of it), <c>same-as-source</c>,
/// <c>translated</c>, or <c>source-changed</c> (the source segment differs from the one translated,
/// whose text is in <see cref="SourceBefore"/>).
/// </summary>
public sealed record ReviewSegment(
    string Id, string Source, string? Target, string State, string? SourceBefore, IReadOnlyList<InlineCode> Codes,
    IReadOnlyList<Finding> Findings, IReadOnlyList<FuzzyMatch> MemoryMatches, IReadOnlyList<GlossaryHit> Glossary);

/// <summary>A glossary term found in the source segment, and whether the translation uses it.</summary>
public sealed record GlossaryHit(string Source, string Target, bool DoNotTranslate, bool Used);
