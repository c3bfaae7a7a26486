using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Makes the drafts one <see cref="TranslationJob"/> asks for: the source split into segments (a video's subtitle cues too),
/// exact matches taken from translation memory, the rest sent to the machine in one call for every
/// language that needs it (within the month's budget, glossary terms protected and then put in), and each language written through the
/// variant writer — all in one transaction, so a job either writes every draft or none. A language
/// a person has worked on is never overwritten.
/// </summary>
public sealed partial class MachineDrafts(
    ContentHubDbContext db,
    ItemStore store,
    VariantWriter writer,
    SubtitleTracks tracks,
    TranslationMemory memory,
    GlossaryService glossary,
    IOptions<TranslatorOptions> options,
    TimeProvider clock,
    ILogger<MachineDrafts> logger,
    IMachineTranslator? translator = null)
{
    public const string Machine = "machine";

    /// <summary>Runs the job and records how it ended; throws only for what may pass (the provider unreachable).</summary>
    public async Task RunAsync(long jobId, CancellationToken cancellationToken)
    {
        var job = await db.TranslationJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await DraftAsync(job, cancellationToken).ConfigureAwait(false);
        if (result.State != TranslationJobState.Done)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            job = await db.TranslationJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        }

        job.Finish(result.State, result.Message, result.Characters, result.Requests, result.MemoryHits, clock.GetUtcNow());
        if (result.Characters > 0)
        {
            await CountAsync(result, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (result.State == TranslationJobState.Done)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        LogJob(logger, job.Id, job.ItemId, result.State, result.Message ?? string.Empty, result.Requests, result.Characters, result.MemoryHits);
    }

    private async Task<JobResult> DraftAsync(TranslationJob job, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(job.ItemId, cancellationToken).ConfigureAwait(false);
        if (item?.FindVariant(item.SourceLanguage) is not { } source)
        {
            return JobResult.Skipped("The item or its source text no longer exists.");
        }

        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        var targets = job.Targets.Where(l => l != item.SourceLanguage && MayDraft(item, l, latest)).Distinct().ToList();
        if (targets.Count == 0)
        {
            return JobResult.Skipped("Every language asked for is being translated by a person, approved, or the source itself.");
        }

        var segments = await tracks.SegmentsAsync(item, source, cancellationToken).ConfigureAwait(false);
        var remembered = await memory.ExactAsync(source.Language, targets, segments.All.Select(s => s.Text), cancellationToken).ConfigureAwait(false);
        var translated = targets.ToDictionary(l => l, _ => new Dictionary<string, TaggedText>(StringComparer.Ordinal));
        var memoryHits = 0;
        var entriesUsed = targets.ToDictionary(l => l, _ => new List<long>());
        foreach (var language in targets)
        {
            foreach (var segment in segments.All)
            {
                if (remembered.TryGetValue((language, segment.Text.Canonical), out var entry) && TaggedText.FromCanonical(entry.Target) is { } reused)
                {
                    translated[language][segment.Id] = reused;
                    entriesUsed[language].Add(entry.Id);
                    memoryHits++;
                }
            }
        }

        var pending = segments.All.Where(s => targets.Any(l => !translated[l].ContainsKey(s.Id))).ToList();
        var machineTargets = targets.Where(l => pending.Any(s => !translated[l].ContainsKey(s.Id))).ToList();
        MachineAnswer? answer = null;
        if (pending.Count > 0)
        {
            if (translator is null)
            {
                return JobResult.Skipped("No machine translation provider is configured (Translation:Endpoint and Translation:Key), and translation memory does not cover the text.");
            }

            var glossaries = new Dictionary<LanguageTag, Dictionary<string, GlossaryTerm>>();
            foreach (var language in machineTargets)
            {
                glossaries[language] = (await glossary.PairAsync(source.Language, language, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.SourceKey);
            }

            var protectable = glossaries[machineTargets[0]].Values.Where(t => machineTargets.All(l => glossaries[l].ContainsKey(t.SourceKey))).ToList();
            var protections = pending.ConvertAll(s => TermProtection.Of(s, protectable));
            var texts = protections.ConvertAll(p => MachineMarkup.ToHtml(p.Text));
            var cost = texts.Sum(t => (long)t.Length) * machineTargets.Count;
            if (await BudgetLeftAsync(cancellationToken).ConfigureAwait(false) < cost)
            {
                return JobResult.Skipped($"This month's machine-translation budget ({options.Value.MonthlyCharacterBudget:N0} characters) would be exceeded: the job needs {cost:N0}.");
            }

            answer = await translator.TranslateAsync(source.Language, machineTargets, texts, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < pending.Count; i++)
            {
                foreach (var language in machineTargets.Where(l => !translated[l].ContainsKey(pending[i].Id)))
                {
                    if (MachineMarkup.FromHtml(answer.Texts[i][language], protections[i].Text) is not { } text)
                    {
                        LogRefusedSegment(logger, job.Id, pending[i].Id, language.Code);
                        return JobResult.Failed($"The machine's {language} translation of {pending[i].Id} lost or broke its inline codes; nothing was stored.", answer);
                    }

                    translated[language][pending[i].Id] = protections[i].Restore(text, glossaries[language]);
                }
            }
        }

        var now = clock.GetUtcNow();
        foreach (var language in targets)
        {
            var usedMachine = machineTargets.Contains(language);
            var provenance = new VariantTranslation(
                null, string.Empty, usedMachine ? TranslationOrigin.Machine : TranslationOrigin.Memory, Provenance(usedMachine ? translator!.Provider : null, entriesUsed[language]), now, TranslatedBy: null);
            // The track first, so the variant's fingerprint covers it in the same save.
            if (segments.Subtitles(translated[language]) is { } track && await tracks.AttachAsync(item, language, track, Machine, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return JobResult.Failed(refused + "; nothing was stored.", answer);
            }

            var current = item.FindVariant(language);
            var written = await writer.WriteAsync(
                    item, language, segments.Draft(translated[language]), current is null ? null : ETags.Format(current.Version), Machine, VariantOrigin.Drafted(provenance), cancellationToken)
                .ConfigureAwait(false);
            if (written is not Outcome<VariantWritten>.Done)
            {
                return JobResult.Failed($"The {language} draft could not be saved ({written.GetType().Name}); nothing was stored.", answer);
            }
        }

        var summary = $"Drafted {string.Join(", ", targets.Select(l => l.Code))}: {memoryHits} segments from memory, {pending.Count} by machine.";
        return new JobResult(TranslationJobState.Done, summary, answer?.Characters ?? 0, answer?.Requests ?? 0, memoryHits);
    }

    // Which machine, and which memory entries: "azure-translator/general + memory 12,13" or "translation-memory 12,13,14".
    private static string Provenance(string? machine, List<long> entries)
    {
        var memory = entries.Count == 0 ? string.Empty : string.Join(",", entries.Distinct().Take(12)) + (entries.Distinct().Count() > 12 ? ",…" : string.Empty);
        var text = machine is null ? $"translation-memory {memory}" : memory.Length == 0 ? machine : $"{machine} + memory {memory}";
        return text.Length <= 200 ? text : text[..199] + "…";
    }

    // Only a language nobody has worked on yet, or one still holding an untouched machine or memory draft.
    private static bool MayDraft(ContentItem item, LanguageTag language, LatestRevisions latest) =>
        TranslationStates.Of(item, language, latest.Of(language)) switch
        {
            TranslationState.Missing or TranslationState.MachineTranslated => true,
            TranslationState.Outdated => item.FindVariant(language)?.Translation?.Origin is TranslationOrigin.Machine or TranslationOrigin.Memory,
            _ => false,
        };

    private async Task<long> BudgetLeftAsync(CancellationToken cancellationToken)
    {
        var month = TranslationUsage.MonthOf(clock.GetUtcNow());
        var used = await db.TranslationUsage.Where(u => u.Month == month).Select(u => (long?)u.Characters).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;
        return options.Value.MonthlyCharacterBudget - used;
    }

    // Characters are billed even when the answer was then refused, so they are counted either way.
    private async Task CountAsync(JobResult result, CancellationToken cancellationToken)
    {
        var month = TranslationUsage.MonthOf(clock.GetUtcNow());
        var usage = await db.TranslationUsage.SingleOrDefaultAsync(u => u.Month == month, cancellationToken).ConfigureAwait(false);
        if (usage is null)
        {
            usage = TranslationUsage.Start(month);
            db.TranslationUsage.Add(usage);
        }

        usage.Add(result.Characters, result.Requests);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Translation job {JobId} for item {ItemId}: {State}. {Message} ({Requests} requests, {Characters} characters, {MemoryHits} memory hits)")]
    private static partial void LogJob(ILogger logger, long jobId, Guid itemId, TranslationJobState state, string message, int requests, long characters, int memoryHits);

    [LoggerMessage(Level = LogLevel.Error, Message = "Translation job {JobId}: the machine's {Language} answer for segment {Segment} does not keep its codes; refused")]
    private static partial void LogRefusedSegment(ILogger logger, long jobId, string segment, string language);

    private sealed record JobResult(TranslationJobState State, string? Message, long Characters, int Requests, int MemoryHits)
    {
        public static JobResult Skipped(string message) => new(TranslationJobState.Skipped, message, 0, 0, 0);

        public static JobResult Failed(string message, MachineAnswer? answer) => new(TranslationJobState.Failed, message, answer?.Characters ?? 0, answer?.Requests ?? 0, 0);
    }
}
