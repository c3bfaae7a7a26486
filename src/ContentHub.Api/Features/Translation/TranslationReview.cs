using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Revisions;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// The side-by-side view of one item and language: segments aligned, each with its state, the
/// checks' findings, memory matches of 75 % and above, glossary hits, and the source's changes since
/// the translation was made. The reviewer approves (<c>…/variants/{language}/approve</c>) or returns
/// (<c>…/translations/{language}/return</c>) from there.
/// </summary>
public sealed class TranslationReview(ContentHubDbContext db, ItemStore store, GlossaryService glossary, TranslationMemory memory, SubtitleTracks tracks)
{
    public const int MatchesPerSegment = 3;

    public async Task<Outcome<TranslationReviewResponse>> GetAsync(Guid itemId, string languageTag, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!LanguageInput.TryParse(languageTag, "language", errors, out var language))
        {
            return errors.ToOutcome<TranslationReviewResponse>();
        }

        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item?.FindVariant(item.SourceLanguage) is not { } source || language == item.SourceLanguage)
        {
            return new Outcome<TranslationReviewResponse>.NotFound($"The {language} translation of item {itemId}");
        }

        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        var variant = item.FindVariant(language);
        var sourceSegments = (await tracks.SegmentsAsync(item, source, cancellationToken).ConfigureAwait(false)).All;
        var targetSegments = variant is null ? [] : (await tracks.SegmentsAsync(item, variant, cancellationToken).ConfigureAwait(false)).All;
        var terms = await glossary.PairAsync(source.Language, language, cancellationToken).ConfigureAwait(false);
        var findings = variant is null ? [] : QualityChecks.Run(sourceSegments, targetSegments, source.Language, language, terms);

        // What the source was when the translation was made from it, if that is not what it is now.
        var (changes, before) = await SourceBeforeAsync(variant, source, cancellationToken).ConfigureAwait(false);
        var targets = targetSegments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var segments = new List<ReviewSegment>();
        foreach (var segment in sourceSegments)
        {
            var target = targets.TryGetValue(segment.Id, out var t) ? SegmentAlignment.Renumber(t, segment) ?? t.Text : null;
            var old = before?.GetValueOrDefault(segment.Id);
            // Revisions keep text, not tracks: what a cue was before is not known.
            var knownBefore = before is not null && !segment.Id.StartsWith(SubtitleSegments.Prefix, StringComparison.Ordinal);
            var state = target is null ? "missing"
                : old is not null && !old.Text.Equals(segment.Text) ? "source-changed"
                : knownBefore && old is null ? "source-changed"
                : target.Equals(segment.Text) ? "same-as-source" : "translated";
            var matches = await memory.FuzzyAsync(source.Language, language, segment.Text, MatchesPerSegment, cancellationToken).ConfigureAwait(false);
            var hits = GlossaryMatcher.Find(segment.Text.PlainText, terms).Select(h => h.Term).DistinctBy(x => x.Id)
                .Select(x => new GlossaryHit(x.Source, x.Target, x.DoNotTranslate, target is not null && GlossaryMatcher.Contains(target.PlainText, x.Target))).ToList();
            segments.Add(new ReviewSegment(segment.Id, segment.Text.Canonical, target?.Canonical, state, state == "source-changed" ? old?.Text.Canonical : null,
                segment.Codes, findings.Where(f => f.Segment == segment.Id).ToList(), matches, hits));
        }

        return new TranslationReviewResponse(TranslationService.StateOf(item, language, latest), source.Language.Code, latest.Of(source.Language), changes, segments);
    }

    private async Task<(IReadOnlyList<FieldChange> Changes, Dictionary<string, Segment>? Before)> SourceBeforeAsync(
        Domain.Content.ContentVariant? variant, Domain.Content.ContentVariant source, CancellationToken cancellationToken)
    {
        if (variant?.Translation is not { SourceRevisionId: { } revisionId } translation || translation.SourceFingerprint == source.Fingerprint)
        {
            return ([], null);
        }

        var snapshot = await db.Revisions.AsNoTracking().Where(r => r.Id == revisionId).Select(r => r.Snapshot).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return ([], null);
        }

        var then = VariantSnapshot.FromJson(snapshot);
        var changes = SnapshotDiff.Fields(snapshot, VariantSnapshot.Of(source).ToJson()).Where(c => c.Field != "slug").ToList();
        var segments = VariantSegments.Of(then.Title, then.Summary, then.BodyMarkdown, then.SeoDescription, then.Transcript).All.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return (changes, segments);
    }
}
