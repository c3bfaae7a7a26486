using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// What translators, reviewers and editors do with translations: read each language's state, ask
/// for machine drafts, send a translation to review once its checks pass, return it with a comment,
/// and plan an item's translations (priority, due date).
/// </summary>
public sealed class TranslationService(
    ContentHubDbContext db, ItemStore store, ItemAccess access, CurrentUser user, AuditLog audit, GlossaryService glossary, SubtitleTracks tracks, TranslationSignal signal, IOptions<TranslatorOptions> options, TimeProvider clock)
{
    public const int MaxBatchItems = 1000;

    public async Task<Outcome<ItemTranslationsResponse>> GetAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<ItemTranslationsResponse>.NotFound($"Item {itemId}");
        }

        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        return View(item, latest);
    }

    public static ItemTranslationsResponse View(ContentItem item, LatestRevisions latest) =>
        new(item.Id, item.SourceLanguage.Code, item.TranslationPriority.ToString(), item.TranslationDueOn,
            LanguageTag.All.Where(l => l != item.SourceLanguage).Select(l => StateOf(item, l, latest)).ToList());

    public async Task<Outcome<TranslationJob>> RequestMachineAsync(Guid itemId, MachineDraftRequest request, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<TranslationJob>.NotFound($"Item {itemId}");
        }

        var errors = new FieldErrors();
        var languages = Targets(item, request.Languages, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<TranslationJob>();
        }

        if (languages.FirstOrDefault(l => !access.CanWrite(item, l)) is { Code: not null } refused)
        {
            return new Outcome<TranslationJob>.Forbidden($"You may not write {refused} for this item.");
        }

        var job = Queue(item, languages);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        signal.Queued();
        return job;
    }

    public async Task<Outcome<IReadOnlyList<TranslationJob>>> RequestBatchAsync(MachineBatchRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var ids = (request.Items ?? []).Distinct().ToList();
        errors.Require(ids.Count is > 0 and <= MaxBatchItems, "items", $"From 1 to {MaxBatchItems} item ids.");
        if (errors.Any)
        {
            return errors.ToOutcome<IReadOnlyList<TranslationJob>>();
        }

        var items = await db.Items.Include(i => i.Variants).Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (ids.FirstOrDefault(id => items.All(i => i.Id != id)) is var missing && missing != Guid.Empty)
        {
            return new Outcome<IReadOnlyList<TranslationJob>>.NotFound($"Item {missing}");
        }

        var jobs = new List<TranslationJob>();
        foreach (var item in items)
        {
            var languages = Targets(item, request.Languages, errors);
            if (errors.Any)
            {
                return errors.ToOutcome<IReadOnlyList<TranslationJob>>();
            }

            if (languages.FirstOrDefault(l => !access.CanWrite(item, l)) is { Code: not null } refused)
            {
                return new Outcome<IReadOnlyList<TranslationJob>>.Forbidden($"You may not write {refused} for item {item.Id}.");
            }

            jobs.Add(Queue(item, languages));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        signal.Queued();
        return jobs;
    }

    /// <summary>Queues machine drafts of the languages set to be pre-filled, once an item's source text is approved (the caller saves).</summary>
    public void PrefillAfterApproval(ContentItem item)
    {
        var languages = options.Value.PrefillLanguages
            .Select(code => LanguageTag.TryParse(code, out var tag) ? tag : (LanguageTag?)null).OfType<LanguageTag>()
            .Where(l => l != item.SourceLanguage && item.FindVariant(l) is null).Distinct().ToList();
        if (languages.Count > 0)
        {
            db.TranslationJobs.Add(TranslationJob.For(item.Id, languages, "prefill", clock.GetUtcNow()));
            audit.Add("translation.prefill-requested", item.Id, details: string.Join(" ", languages.Select(l => l.Code)));
            signal.Queued();
        }
    }

    public Task<TranslationJob?> FindJobAsync(long id, CancellationToken cancellationToken) =>
        db.TranslationJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>Sends a translation to review once its checks find no error, and its warnings are accepted with a reason.</summary>
    public async Task<(Outcome<ItemTranslationsResponse> Outcome, IReadOnlyList<Finding> Findings)> SubmitAsync(
        Guid itemId, string languageTag, SubmitTranslationRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var (loaded, item, variant) = await LoadVariantAsync(itemId, languageTag, ifMatch, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            return (loaded, []);
        }

        if (!access.CanWrite(item!, variant!.Language))
        {
            return (new Outcome<ItemTranslationsResponse>.Forbidden($"You may not write {variant.Language} for this item."), []);
        }

        var latest = await LatestRevisions.LoadAsync(db, item!.Id, cancellationToken).ConfigureAwait(false);
        var state = TranslationStates.Of(item, variant.Language, latest.Of(variant.Language));
        if (state is TranslationState.Approved or TranslationState.InReview)
        {
            return (new Outcome<ItemTranslationsResponse>.Conflict($"The {variant.Language} translation is {state} already."), []);
        }

        var source = item.FindVariant(item.SourceLanguage)!;
        var terms = await glossary.PairAsync(source.Language, variant.Language, cancellationToken).ConfigureAwait(false);
        var sourceSegments = await tracks.SegmentsAsync(item, source, cancellationToken).ConfigureAwait(false);
        var targetSegments = await tracks.SegmentsAsync(item, variant, cancellationToken).ConfigureAwait(false);
        var findings = QualityChecks.Run(sourceSegments.All, targetSegments.All, source.Language, variant.Language, terms);
        var reason = string.IsNullOrWhiteSpace(request.AcceptWarnings) ? null : request.AcceptWarnings.Trim();
        if (findings.Any(f => f.Severity == FindingSeverity.Error) || (findings.Count > 0 && reason is null))
        {
            return (new Outcome<ItemTranslationsResponse>.Invalid([]), findings);
        }

        if (reason is { Length: > 2000 })
        {
            return (new Outcome<ItemTranslationsResponse>.Invalid(new() { ["acceptWarnings"] = ["At most 2,000 characters."] }), []);
        }

        variant.RecordTranslation((variant.Translation ?? new VariantTranslation(null, source.Fingerprint, TranslationOrigin.Person, null, null, user.Name))
            with { Stage = TranslationStage.InReview, ReturnComment = null, ReturnedBy = null });
        audit.Add("translation.submitted", item.Id, variant.Language.Code,
            details: findings.Count == 0 ? null : $"warnings accepted ({reason}): " + string.Join("; ", findings.Select(f => $"{f.Segment} {f.Check}")));
        return ((await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => View(saved, latest)), []);
    }

    /// <summary>Sends a translation back to its translator with a comment (reviewers of the unit, admins).</summary>
    public async Task<Outcome<ItemTranslationsResponse>> ReturnAsync(Guid itemId, string languageTag, ReturnTranslationRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var (loaded, item, variant) = await LoadVariantAsync(itemId, languageTag, ifMatch, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            return loaded;
        }

        if (!(user.Has(Role.Admin) || (user.Has(Role.Reviewer) && user.WorksFor(item!.OrgUnitId)) || (user.Proofreads(variant!.Language) && variant.Translation?.TranslatedBy != user.Name)))
        {
            return new Outcome<ItemTranslationsResponse>.Forbidden("Only a reviewer of the item's unit, or a proofreader of the language who did not translate it, may return a translation.");
        }

        var comment = request.Comment?.Trim();
        if (string.IsNullOrEmpty(comment) || comment.Length > 2000)
        {
            return new Outcome<ItemTranslationsResponse>.Invalid(new() { ["comment"] = ["Say what to change: from 1 to 2,000 characters."] });
        }

        var latest = await LatestRevisions.LoadAsync(db, item!.Id, cancellationToken).ConfigureAwait(false);
        if (TranslationStates.Of(item, variant!.Language, latest.Of(variant.Language)) != TranslationState.InReview)
        {
            return new Outcome<ItemTranslationsResponse>.Conflict($"Only a translation in review can be returned; the {variant.Language} one is {TranslationStates.Of(item, variant.Language, latest.Of(variant.Language))}.");
        }

        variant.RecordTranslation(variant.Translation! with { Stage = TranslationStage.Returned, ReturnComment = comment, ReturnedBy = user.Name });
        audit.Add("translation.returned", item.Id, variant.Language.Code, details: comment);
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => View(saved, latest));
    }

    public async Task<Outcome<ItemTranslationsResponse>> PlanAsync(Guid itemId, TranslationPlanRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return new Outcome<ItemTranslationsResponse>.NotFound($"Item {itemId}");
        }

        if (!access.CanEdit(item))
        {
            return new Outcome<ItemTranslationsResponse>.Forbidden("Only the item's editors plan its translations.");
        }

        if (ItemStore.Precondition<ItemTranslationsResponse>(ifMatch, item.Version) is { } failed)
        {
            return failed;
        }

        var errors = new FieldErrors();
        var priority = TranslationPriority.Normal;
        errors.Require(request.Priority is null || Enum.TryParse(request.Priority, ignoreCase: true, out priority) && Enum.IsDefined(priority), "priority", "One of Low, Normal, High, Urgent.");
        DateOnly? dueOn = null;
        if (request.DueOn is not null)
        {
            errors.Require(DateOnly.TryParseExact(request.DueOn, "yyyy-MM-dd", out var day), "dueOn", "A date such as 2026-12-31.");
            dueOn = day;
        }

        if (errors.Any)
        {
            return errors.ToOutcome<ItemTranslationsResponse>();
        }

        item.PlanTranslation(priority, dueOn == default(DateOnly) ? null : dueOn);
        audit.Add("translation.planned", item.Id, details: $"priority={priority} due={dueOn:yyyy-MM-dd}");
        var latest = await LatestRevisions.LoadAsync(db, item.Id, cancellationToken).ConfigureAwait(false);
        return (await store.SaveAsync(item, cancellationToken).ConfigureAwait(false)).Map(saved => View(saved, latest));
    }

    public async Task<TranslationUsageResponse> UsageAsync(IMachineTranslator? translator, CancellationToken cancellationToken)
    {
        var month = TranslationUsage.MonthOf(clock.GetUtcNow());
        var usage = await db.TranslationUsage.AsNoTracking().SingleOrDefaultAsync(u => u.Month == month, cancellationToken).ConfigureAwait(false);
        var budget = options.Value.MonthlyCharacterBudget;
        var used = usage?.Characters ?? 0;
        return new TranslationUsageResponse(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), used, usage?.Requests ?? 0, budget,
            Math.Max(0, budget - used), translator is not null, translator?.Provider);
    }

    internal static LanguageStateResponse StateOf(ContentItem item, LanguageTag language, LatestRevisions latest)
    {
        var variant = item.FindVariant(language);
        var state = TranslationStates.Of(item, language, latest.Of(language));
        var translation = variant?.Translation;
        var review = variant?.Review?.Covers(latest.Of(language)) == true ? variant.Review : null;
        var provenance = variant is null ? null
            : new ProvenanceResponse(translation?.Origin ?? TranslationOrigin.Person, translation?.Provider, translation?.MadeAt,
                translation is null ? variant.UpdatedBy : translation.TranslatedBy, review?.By, review?.At);
        return new LanguageStateResponse(language.Code, state, translation?.Stage == TranslationStage.Returned, translation?.ReturnComment, provenance,
            translation?.SourceRevisionId, variant is null ? null : ETags.Format(variant.Version));
    }

    private TranslationJob Queue(ContentItem item, IReadOnlyList<LanguageTag> languages)
    {
        var job = TranslationJob.For(item.Id, languages, user.Name, clock.GetUtcNow());
        db.TranslationJobs.Add(job);
        audit.Add("translation.machine-requested", item.Id, details: string.Join(" ", languages.Select(l => l.Code)));
        return job;
    }

    private List<LanguageTag> Targets(ContentItem item, IReadOnlyList<string>? names, FieldErrors errors)
    {
        if (names is not { Count: > 0 })
        {
            return LanguageTag.All.Where(l => l != item.SourceLanguage && access.CanWrite(item, l)).ToList();
        }

        var languages = new List<LanguageTag>();
        foreach (var name in names.Take(LanguageTag.All.Count + 1))
        {
            if (LanguageInput.TryParse(name, "languages", errors, out var language))
            {
                errors.Require(language != item.SourceLanguage, "languages", $"{language} is the item's source language.");
                languages.Add(language);
            }
        }

        return languages.Distinct().ToList();
    }

    private async Task<(Outcome<ItemTranslationsResponse>? Failure, ContentItem? Item, ContentVariant? Variant)> LoadVariantAsync(
        Guid itemId, string languageTag, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!LanguageInput.TryParse(languageTag, "language", errors, out var language))
        {
            return (errors.ToOutcome<ItemTranslationsResponse>(), null, null);
        }

        var item = await store.FindAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item?.FindVariant(language) is not { } variant || language == item.SourceLanguage)
        {
            return (new Outcome<ItemTranslationsResponse>.NotFound($"The {language} translation of item {itemId}"), null, null);
        }

        if (ItemStore.Precondition<ItemTranslationsResponse>(ifMatch, variant.Version) is { } failed)
        {
            return (failed, null, null);
        }

        return (null, item, variant);
    }
}
