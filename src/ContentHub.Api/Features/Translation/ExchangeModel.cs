using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>One item of an XLIFF file: its source segments and, where there is one, their translation.</summary>
public sealed record ExchangeFile(Guid ItemId, LanguageTag Source, LanguageTag Target, IReadOnlyList<string> Notes, IReadOnlyList<ExchangeUnit> Units, int Line = 0);

/// <summary>
/// One segment of an exchange file. <see cref="State"/> is the XLIFF 2.0 name (initial, translated,
/// reviewed, final); <see cref="Codes"/> say what each inline code stands for, for display.
/// </summary>
public sealed record ExchangeUnit(string SegmentId, TaggedText Source, IReadOnlyList<InlineCode> Codes, TaggedText? Target, string State, IReadOnlyList<string> Notes, int Line = 0)
{
    /// <summary>A segment id as an XML NMTOKEN (<c>body/3</c> is <c>body.3</c>), and back.</summary>
    public static string UnitId(string segmentId) => segmentId.Replace('/', '.');

    public static string SegmentIdOf(string unitId) => unitId.Replace('.', '/');

    /// <summary>A translation state as XLIFF 2.0's segment state.</summary>
    public static string StateOf(TranslationState state) => state switch
    {
        TranslationState.Approved => "final",
        TranslationState.InReview => "reviewed",
        TranslationState.InTranslation => "translated",
        _ => "initial",
    };
}
