using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Taxonomy;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Exports items for one target language as XLIFF and applies translated files back: every id,
/// language, source text and inline code is checked against the items as they are now, and the whole
/// file is applied in one transaction through the variant writer, or rejected with the list of what
/// is wrong (line and unit).
/// </summary>
public sealed class XliffExchange(ContentHubDbContext db, ItemStore store, ItemAccess access, VariantWriter writer, SubtitleTracks tracks, GlossaryService glossary, CurrentUser user)
{
    public const int MaxItems = 200;
    public const int MaxUnits = 10_000;

    public async Task<Outcome<string>> ExportAsync(IReadOnlyList<Guid> itemIds, string languageTag, string? version, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(itemIds.Count is > 0 and <= MaxItems, "items", $"From 1 to {MaxItems} item ids, comma-separated.");
        errors.Require(version is null or "2.0" or "1.2", "version", "2.0 or 1.2.");
        _ = LanguageInput.TryParse(languageTag, "language", errors, out var target);
        if (errors.Any)
        {
            return errors.ToOutcome<string>();
        }

        var items = await db.Items.Include(i => i.Variants).Where(i => itemIds.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (itemIds.FirstOrDefault(id => items.All(i => i.Id != id)) is var missing && missing != Guid.Empty)
        {
            return new Outcome<string>.NotFound($"Item {missing}");
        }

        var sources = items.Select(i => i.SourceLanguage).Distinct().ToList();
        if (sources.Count > 1 || sources[0] == target)
        {
            return new Outcome<string>.Invalid(new() { ["items"] = [sources.Count > 1 ? "One file holds items of one source language." : $"{target} is the items' source language."] });
        }

        var terms = await glossary.PairAsync(sources[0], target, cancellationToken).ConfigureAwait(false);
        var categoryIds = items.Select(i => i.CategoryId).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var files = new List<ExchangeFile>();
        foreach (var item in itemIds.Select(id => items.Single(i => i.Id == id)))
        {
            var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
            var category = categories.GetValueOrDefault(item.CategoryId);
            // The category as the translator reads it: in the target language if it has a name there, else in the source's.
            var categoryName = category?.Names.In(target, item.SourceLanguage) ?? category?.Slug;
            var source = await tracks.SegmentsAsync(item, item.FindVariant(item.SourceLanguage)!, cancellationToken).ConfigureAwait(false);
            var translated = item.FindVariant(target) is { } variant ? await tracks.SegmentsAsync(item, variant, cancellationToken).ConfigureAwait(false) : null;
            files.Add(FileOf(item, source, translated, target, TranslationStates.Of(item, target, latest.Of(target)), terms, categoryName ?? item.CategoryId.ToString()));
        }

        return XliffFormat.Write(files, sources[0], target, version ?? "2.0");
    }

    private static ExchangeFile FileOf(
        ContentItem item, VariantSegments source, VariantSegments? target, LanguageTag targetLanguage, TranslationState state, IReadOnlyList<GlossaryTerm> terms, string category)
    {
        var translated = target?.All.ToDictionary(s => s.Id, StringComparer.Ordinal) ?? [];
        var units = source.All.Select(segment => new ExchangeUnit(
            segment.Id, segment.Text, segment.Codes,
            translated.TryGetValue(segment.Id, out var t) ? SegmentAlignment.Renumber(t, segment) : null,
            ExchangeUnit.StateOf(state),
            GlossaryMatcher.Find(segment.Text.PlainText, terms).Select(h => h.Term).DistinctBy(x => x.Id)
                .Select(x => x.DoNotTranslate ? $"{x.Source}: do not translate" : $"{x.Source} → {x.Target}").ToList())).ToList();
        return new ExchangeFile(item.Id, item.SourceLanguage, targetLanguage, [$"kind: {item.Kind}", $"category: {category}", $"state: {state}"], units);
    }

    /// <summary>Applies every item of the file, or none; <c>Invalid</c> lists each problem.</summary>
    public async Task<Outcome<IReadOnlyList<Guid>>> ImportAsync(string content, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var files = XliffFormat.Read(content, MaxUnits, problems);
        if (problems.Count == 0 && files.Count == 0)
        {
            problems.Add("line 1: the file holds no <file>.");
        }

        var drafts = new List<(ContentItem Item, LanguageTag Language, VariantDraft Draft, string? Subtitles)>();
        foreach (var file in problems.Count == 0 ? files : [])
        {
            var item = await store.FindAsync(file.ItemId, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                problems.Add($"line {file.Line}: item {file.ItemId} does not exist.");
                continue;
            }

            if (file.Source != item.SourceLanguage || file.Target == item.SourceLanguage)
            {
                problems.Add($"line {file.Line}: item {item.Id} is written in {item.SourceLanguage}; the file says {file.Source} into {file.Target}.");
                continue;
            }

            if (!access.CanWrite(item, file.Target))
            {
                return new Outcome<IReadOnlyList<Guid>>.Forbidden($"You may not write {file.Target} for item {item.Id}.");
            }

            var segments = await tracks.SegmentsAsync(item, item.FindVariant(item.SourceLanguage)!, cancellationToken).ConfigureAwait(false);
            if (Check(item, segments, file, problems) is { } translations)
            {
                drafts.Add((item, file.Target, segments.Draft(translations), segments.Subtitles(translations)));
            }
        }

        if (problems.Count > 0)
        {
            return new Outcome<IReadOnlyList<Guid>>.Invalid(new() { ["file"] = [.. problems] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = new List<Guid>();
        foreach (var (item, language, draft, subtitles) in drafts)
        {
            var current = item.FindVariant(language);
            var trackBefore = item.SubtitlesIn(language);
            if (subtitles is not null && await tracks.AttachAsync(item, language, subtitles, user.Name, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new Outcome<IReadOnlyList<Guid>>.Invalid(new() { ["file"] = [$"item {item.Id}: {refused}"] });
            }

            if (current is not null && current.Title == draft.Title && current.Summary == draft.Summary && current.BodyMarkdown == draft.BodyMarkdown && current.SeoDescription == draft.SeoDescription && current.Transcript == draft.Transcript
                && item.SubtitlesIn(language) == trackBefore)
            {
                continue;
            }

            // The version just checked: a concurrent writer still makes the save fail, and the whole file with it.
            var written = await writer.WriteAsync(item, language, draft, current is null ? null : ETags.Format(current.Version), user.Name, VariantOrigin.Written, cancellationToken)
                .ConfigureAwait(false);
            if (written is not Outcome<VariantWritten>.Done)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return written.Map<IReadOnlyList<Guid>>(_ => []);
            }

            changed.Add(item.Id);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    // The file's units against the item's current source: same segments, same text, same codes.
    private static Dictionary<string, TaggedText>? Check(ContentItem item, VariantSegments segments, ExchangeFile file, List<string> problems)
    {
        var units = file.Units.ToDictionary(u => u.SegmentId, StringComparer.Ordinal);
        var before = problems.Count;
        foreach (var missing in segments.All.Where(s => !units.ContainsKey(s.Id)))
        {
            problems.Add($"line {file.Line}, item {item.Id}: unit {ExchangeUnit.UnitId(missing.Id)} is missing (the source changed since the export?).");
        }

        var translations = new Dictionary<string, TaggedText>(StringComparer.Ordinal);
        foreach (var unit in file.Units)
        {
            var where = $"line {unit.Line}, unit {ExchangeUnit.UnitId(unit.SegmentId)}";
            var segment = segments.All.FirstOrDefault(s => s.Id == unit.SegmentId);
            if (segment is null)
            {
                problems.Add($"{where}: the item has no such segment.");
            }
            else if (!unit.Source.Equals(segment.Text))
            {
                problems.Add($"{where}: the source text differs from the item's current source.");
            }
            else if (unit.Target is null || string.IsNullOrWhiteSpace(unit.Target.PlainText))
            {
                problems.Add($"{where}: the unit has no translation.");
            }
            else if (!unit.Target.CodeIds().Order().SequenceEqual(segment.Text.CodeIds().Order()))
            {
                problems.Add($"{where}: the translation's inline codes differ from the source's (each must be kept once).");
            }
            else
            {
                translations[segment.Id] = unit.Target;
            }
        }

        return problems.Count == before ? translations : null;
    }
}
