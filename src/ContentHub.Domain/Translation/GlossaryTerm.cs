using System.Globalization;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;

namespace ContentHub.Domain.Translation;

/// <summary>A term's part of speech, as TBX-Basic's picklist names them.</summary>
public enum PartOfSpeech
{
    ProperNoun,
    Noun,
    Verb,
    Adjective,
    Adverb,
    Other,
}

/// <summary>
/// One entry of the glossary of a language pair: the province's official names, places, agencies and
/// titles, and terms that must not be translated (their target is the source itself). Machine
/// output is made to use it, and translations are checked against it.
/// </summary>
public sealed class GlossaryTerm
{
    public const int MaxTermLength = 200;
    public const int MaxNoteLength = 1000;

    private GlossaryTerm()
    {
    }

    public Guid Id { get; private set; }

    public LanguageTag SourceLanguage { get; private set; }

    public LanguageTag TargetLanguage { get; private set; }

    public string Source { get; private set; } = string.Empty;

    /// <summary>The source folded for matching and uniqueness (NFC, lower case).</summary>
    public string SourceKey { get; private set; } = string.Empty;

    /// <summary>The required translation; the source itself for a do-not-translate term.</summary>
    public string Target { get; private set; } = string.Empty;

    public PartOfSpeech PartOfSpeech { get; private set; }

    public bool DoNotTranslate { get; private set; }

    public string? Note { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static string KeyOf(string term) => TextNormalizer.Nfc(term.Trim()).ToLower(CultureInfo.InvariantCulture);

    public static GlossaryTerm Create(Guid id, LanguageTag from, LanguageTag to, string source, string? target, PartOfSpeech partOfSpeech, bool doNotTranslate, string? note, string by, DateTimeOffset now)
    {
        var term = new GlossaryTerm { Id = id, SourceLanguage = from, TargetLanguage = to };
        term.Change(source, target, partOfSpeech, doNotTranslate, note, by, now);
        return term;
    }

    public void Change(string source, string? target, PartOfSpeech partOfSpeech, bool doNotTranslate, string? note, string by, DateTimeOffset now)
    {
        Source = TextNormalizer.Nfc(source.Trim());
        SourceKey = KeyOf(source);
        Target = doNotTranslate || string.IsNullOrWhiteSpace(target) ? Source : TextNormalizer.Nfc(target.Trim());
        PartOfSpeech = partOfSpeech;
        DoNotTranslate = doNotTranslate;
        Note = TextNormalizer.CleanOptional(note);
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
