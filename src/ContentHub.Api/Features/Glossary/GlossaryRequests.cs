using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Glossary;

/// <summary>A glossary entry. For a do-not-translate term <see cref="Target"/> may be left out: it is the source.</summary>
public sealed record GlossaryTermRequest(
    string SourceLanguage, string TargetLanguage, string Source, string? Target, string? PartOfSpeech = null, bool DoNotTranslate = false, string? Note = null);

/// <summary>A glossary entry as stored.</summary>
public sealed record GlossaryTermResponse(
    Guid Id, string SourceLanguage, string TargetLanguage, string Source, string Target, string PartOfSpeech, bool DoNotTranslate, string? Note, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static GlossaryTermResponse Of(GlossaryTerm term) =>
        new(term.Id, term.SourceLanguage.Code, term.TargetLanguage.Code, term.Source, term.Target, Camel(term.PartOfSpeech), term.DoNotTranslate, term.Note, term.UpdatedBy, term.UpdatedAt);

    /// <summary>TBX-Basic's spelling of the part of speech (<c>properNoun</c>).</summary>
    public static string Camel(PartOfSpeech partOfSpeech) => char.ToLowerInvariant(partOfSpeech.ToString()[0]) + partOfSpeech.ToString()[1..];
}

/// <summary>What an import did: every entry is applied, or (on any error) none.</summary>
public sealed record GlossaryImportResponse(int Created, int Updated);
