using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Approved translations as aligned segment pairs per language pair: exact matches are reused
/// instead of the machine, near ones (trigram similarity of the text, 75 % and above) offered to
/// translators.
/// </summary>
public sealed class TranslationMemory(ContentHubDbContext db, SubtitleTracks tracks, TimeProvider clock)
{
    public const double FuzzyThreshold = 0.75;

    /// <summary>The remembered translation of each source segment that has one, by target language and source canonical text.</summary>
    public async Task<Dictionary<(LanguageTag Language, string Source), MemoryEntry>> ExactAsync(
        LanguageTag from, IReadOnlyCollection<LanguageTag> to, IEnumerable<TaggedText> sources, CancellationToken cancellationToken)
    {
        var hashes = sources.Select(s => MemoryEntry.HashOf(s.Canonical)).Distinct().ToList();
        var entries = await db.TranslationMemory.AsNoTracking()
            .Where(m => m.SourceLanguage == from && to.Contains(m.TargetLanguage) && hashes.Contains(m.SourceHash))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.ToDictionary(e => (e.TargetLanguage, e.Source));
    }

    /// <summary>Remembered segments similar to <paramref name="source"/>, best first.</summary>
    public async Task<IReadOnlyList<FuzzyMatch>> FuzzyAsync(LanguageTag from, LanguageTag to, TaggedText source, int limit, CancellationToken cancellationToken)
    {
        var plain = source.PlainText;
        if (string.IsNullOrWhiteSpace(plain))
        {
            return [];
        }

        var rows = await db.TranslationMemory.AsNoTracking()
            .Where(m => m.SourceLanguage == from && m.TargetLanguage == to && EF.Functions.TrigramsAreSimilar(m.SourcePlain, plain) && EF.Functions.TrigramsSimilarity(m.SourcePlain, plain) >= FuzzyThreshold)
            .Select(m => new { Entry = m, Score = EF.Functions.TrigramsSimilarity(m.SourcePlain, plain) })
            .OrderByDescending(m => m.Score).ThenByDescending(m => m.Entry.UpdatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new FuzzyMatch(r.Entry.Id, (int)Math.Round(r.Score * 100), r.Entry.Source, r.Entry.Target));
    }

    public Task<List<MemoryEntry>> ExportAsync(LanguageTag from, LanguageTag? to, CancellationToken cancellationToken) =>
        db.TranslationMemory.AsNoTracking().Where(m => m.SourceLanguage == from && (to == null || m.TargetLanguage == to))
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>Adds the pairs, or replaces the remembered translation of the same source (the caller saves, in one transaction).</summary>
    public async Task<(int Created, int Updated)> ImportAsync(IReadOnlyList<TmxFormat.Pair> pairs, string by, CancellationToken cancellationToken)
    {
        var (created, updated) = (0, 0);
        var now = clock.GetUtcNow();
        foreach (var group in pairs.GroupBy(p => (p.Source, p.Target)))
        {
            var hashes = group.Select(p => MemoryEntry.HashOf(p.SourceText.Canonical)).Distinct().ToList();
            var known = await db.TranslationMemory
                .Where(m => m.SourceLanguage == group.Key.Source && m.TargetLanguage == group.Key.Target && hashes.Contains(m.SourceHash))
                .ToDictionaryAsync(m => m.Source, cancellationToken).ConfigureAwait(false);
            foreach (var pair in group)
            {
                if (known.TryGetValue(pair.SourceText.Canonical, out var entry))
                {
                    entry.Replace(pair.TargetText, entry.ItemId, pair.By ?? by, pair.At ?? now);
                    updated++;
                }
                else
                {
                    entry = MemoryEntry.Of(pair.Source, pair.Target, pair.SourceText, pair.TargetText, null, pair.By ?? by, pair.At ?? now);
                    db.TranslationMemory.Add(entry);
                    known[entry.Source] = entry;
                    created++;
                }
            }
        }

        return (created, updated);
    }

    /// <summary>Stores the approved translation's segments, paired with the source they were made from (the caller saves).</summary>
    public async Task<int> LearnAsync(ContentItem item, ContentVariant target, string approvedBy, CancellationToken cancellationToken)
    {
        if (item.FindVariant(item.SourceLanguage) is not { } source || target.Language == item.SourceLanguage || TranslationStates.IsOutdated(item, target))
        {
            return 0;
        }

        var sourceSegments = await tracks.SegmentsAsync(item, source, cancellationToken).ConfigureAwait(false);
        var targetSegments = await tracks.SegmentsAsync(item, target, cancellationToken).ConfigureAwait(false);
        var pairs = SegmentAlignment.Align(sourceSegments.All, targetSegments.All)
            .Where(p => p.Source.Text.Canonical.Length <= MemoryEntry.MaxSegmentLength && p.Target.Canonical.Length <= MemoryEntry.MaxSegmentLength)
            .DistinctBy(p => p.Source.Text.Canonical)
            .ToList();
        var hashes = pairs.Select(p => MemoryEntry.HashOf(p.Source.Text.Canonical)).ToList();
        var known = await db.TranslationMemory
            .Where(m => m.SourceLanguage == source.Language && m.TargetLanguage == target.Language && hashes.Contains(m.SourceHash))
            .ToDictionaryAsync(m => m.Source, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var (segment, translated) in pairs)
        {
            if (known.TryGetValue(segment.Text.Canonical, out var entry))
            {
                entry.Replace(translated, item.Id, approvedBy, now);
            }
            else
            {
                db.TranslationMemory.Add(MemoryEntry.Of(source.Language, target.Language, segment.Text, translated, item.Id, approvedBy, now));
            }
        }

        return pairs.Count;
    }
}

/// <summary>A remembered segment close to the one being translated, with its similarity in percent.</summary>
public sealed record FuzzyMatch(long EntryId, int Score, string Source, string Target);
