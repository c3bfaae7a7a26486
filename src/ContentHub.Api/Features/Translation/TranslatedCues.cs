using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// A translator's fixes to the cues of a video's translated subtitle track, segment by segment as
/// the review shows them (<c>{1/}</c> codes and all). The track is rebuilt from the source's, timings
/// kept, and written with the variant, so it counts as the translator's work like any edit of the text.
/// </summary>
public sealed class TranslatedCues(ContentHubDbContext db, ItemStore store, ItemAccess access, VariantWriter writer, SubtitleTracks tracks, CurrentUser user)
{
    public async Task<Outcome<ItemTranslationsResponse>> WriteAsync(Guid itemId, string languageTag, TranslatedCuesRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!LanguageInput.TryParse(languageTag, "language", errors, out var language))
        {
            return errors.ToOutcome<ItemTranslationsResponse>();
        }

        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item?.FindVariant(language) is not { } variant || language == item.SourceLanguage)
        {
            return new Outcome<ItemTranslationsResponse>.NotFound($"The {language} translation of item {itemId}");
        }

        if (!access.CanWrite(item, language))
        {
            return new Outcome<ItemTranslationsResponse>.Forbidden($"You may not write {language} for this item.");
        }

        if (ItemStore.Precondition<ItemTranslationsResponse>(ifMatch, variant.Version) is { } failed)
        {
            return failed;
        }

        if (await tracks.ReadAsync(item, item.SourceLanguage, cancellationToken).ConfigureAwait(false) is not { } source)
        {
            return new Outcome<ItemTranslationsResponse>.Conflict($"The item has no subtitle track in its source language ({item.SourceLanguage}) to translate.");
        }

        var translations = Current(source, await tracks.ReadAsync(item, language, cancellationToken).ConfigureAwait(false));
        var cues = source.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (id, text) in (request.Cues ?? new Dictionary<string, string>()).Take(cues.Count + 1))
        {
            var field = $"cues.{id}";
            if (!cues.TryGetValue(id, out var cue))
            {
                errors.Add(field, $"The source track has no such cue; its cues are {SubtitleSegments.Prefix}0 to {SubtitleSegments.Prefix}{cues.Count - 1}.");
            }
            else if (TaggedText.FromCanonical(text ?? string.Empty) is not { } translated || string.IsNullOrWhiteSpace(translated.PlainText))
            {
                errors.Add(field, "The cue's text, with its codes written as in the review ({1/}), braces in text doubled.");
            }
            else if (!translated.CodeIds().Order().SequenceEqual(cue.Text.CodeIds().Order()) || !translated.IsWellFormed())
            {
                errors.Add(field, $"Keep each of the source cue's codes once: {string.Join(" ", cue.Codes.Select(c => $"{{{c.Id}/}}"))}.");
            }
            else
            {
                translations[id] = translated;
            }
        }

        errors.Require(request.Cues is { Count: > 0 }, "cues", "At least one cue, by its segment id (subtitles/0…).");
        if (errors.Any)
        {
            return errors.ToOutcome<ItemTranslationsResponse>();
        }

        if (await tracks.AttachAsync(item, language, source.Translate(translations), user.Name, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return new Outcome<ItemTranslationsResponse>.Invalid(new() { ["cues"] = [refused] });
        }

        var sameText = new VariantDraft(variant.Title, variant.Summary, variant.BodyMarkdown, variant.Slug, variant.SeoDescription, variant.Transcript);
        var written = await writer.WriteAsync(item, language, sameText, ifMatch, user.Name, VariantOrigin.Written, cancellationToken).ConfigureAwait(false);
        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        return written.Map(done => TranslationService.View(done.Item, latest));
    }

    // What the language's track says now, cue by cue where it still lines up with the source's.
    private static Dictionary<string, TaggedText> Current(SubtitleSegments source, SubtitleSegments? target)
    {
        return SegmentAlignment.Align(source.Segments, target?.Segments ?? []).ToDictionary(p => p.Source.Id, p => p.Target, StringComparer.Ordinal);
    }
}

/// <summary>New text for cues of a translated subtitle track.</summary>
/// <param name="Cues">Cue segment id (<c>subtitles/0</c>…) to its translated text, codes as the review writes them (<c>{1/}</c>). Cues left out keep their current translation.</param>
public sealed record TranslatedCuesRequest(IReadOnlyDictionary<string, string>? Cues);
