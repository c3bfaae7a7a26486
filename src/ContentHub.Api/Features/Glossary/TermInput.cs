using ContentHub.Api.Http;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Glossary;

/// <summary>A checked glossary entry, from a request, a CSV line or a TBX concept.</summary>
public sealed record TermInput(LanguageTag SourceLanguage, LanguageTag TargetLanguage, string Source, string? Target, PartOfSpeech PartOfSpeech, bool DoNotTranslate, string? Note)
{
    /// <summary>Checks one entry; <paramref name="where"/> prefixes each field's error (<c>line 4: source</c>).</summary>
    public static TermInput? Check(GlossaryTermRequest request, FieldErrors errors, string where = "")
    {
        var ok = LanguageInput.TryParse(request.SourceLanguage, where + "sourceLanguage", errors, out var from);
        ok &= LanguageInput.TryParse(request.TargetLanguage, where + "targetLanguage", errors, out var to);
        ok &= errors.Require(!ok || from != to, where + "targetLanguage", "The target language differs from the source language.");
        ok &= errors.Require(!string.IsNullOrWhiteSpace(request.Source) && request.Source.Trim().Length <= GlossaryTerm.MaxTermLength, where + "source", $"From 1 to {GlossaryTerm.MaxTermLength} characters.");
        ok &= errors.Require(request.DoNotTranslate || !string.IsNullOrWhiteSpace(request.Target), where + "target", "Required unless doNotTranslate.");
        ok &= errors.Require(request.Target is null || request.Target.Trim().Length <= GlossaryTerm.MaxTermLength, where + "target", $"At most {GlossaryTerm.MaxTermLength} characters.");
        ok &= errors.Require(request.Note is null || request.Note.Length <= GlossaryTerm.MaxNoteLength, where + "note", $"At most {GlossaryTerm.MaxNoteLength} characters.");
        var partOfSpeech = PartOfSpeech.Other;
        ok &= errors.Require(request.PartOfSpeech is null || Enum.TryParse(request.PartOfSpeech, ignoreCase: true, out partOfSpeech) && Enum.IsDefined(partOfSpeech),
            where + "partOfSpeech", "One of properNoun, noun, verb, adjective, adverb, other.");
        if (request.PartOfSpeech is null)
        {
            partOfSpeech = PartOfSpeech.Other;
        }

        return ok ? new TermInput(from, to, request.Source.Trim(), request.Target?.Trim(), partOfSpeech, request.DoNotTranslate, request.Note) : null;
    }
}
