using ContentHub.Api.Features.Audit;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Glossary;

/// <summary>
/// The glossary per language pair. Admins and editors manage every pair, translators the pairs into
/// their languages; everyone on the staff reads it. Imports apply every entry or none.
/// </summary>
public sealed class GlossaryService(ContentHubDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const int MaxImportTerms = 10_000;

    /// <summary>The terms of one pair, for machine translation and checks.</summary>
    public Task<List<GlossaryTerm>> PairAsync(LanguageTag from, LanguageTag to, CancellationToken cancellationToken) =>
        db.Glossary.AsNoTracking().Where(t => t.SourceLanguage == from && t.TargetLanguage == to).ToListAsync(cancellationToken);

    public async Task<Outcome<PagedResponse<GlossaryTermResponse>>> ListAsync(string? source, string? target, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (number, size) = PageRequest.Check(page, pageSize, errors);
        var query = db.Glossary.AsNoTracking();
        if (source is not null && LanguageInput.TryParse(source, "source", errors, out var from))
        {
            query = query.Where(t => t.SourceLanguage == from);
        }

        if (target is not null && LanguageInput.TryParse(target, "target", errors, out var to))
        {
            query = query.Where(t => t.TargetLanguage == to);
        }

        errors.Require(q is null || q.Length <= GlossaryTerm.MaxTermLength, "q", $"At most {GlossaryTerm.MaxTermLength} characters.");
        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<GlossaryTermResponse>>();
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var key = GlossaryTerm.KeyOf(q);
            var pattern = "%" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(t => t.SourceKey.Contains(key) || EF.Functions.ILike(t.Target, pattern));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var terms = await query.OrderBy(t => t.SourceLanguage).ThenBy(t => t.TargetLanguage).ThenBy(t => t.SourceKey)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResponse<GlossaryTermResponse>(terms.ConvertAll(GlossaryTermResponse.Of), number, size, total);
    }

    public async Task<GlossaryTerm?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Glossary.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);

    public async Task<Outcome<GlossaryTerm>> CreateAsync(GlossaryTermRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (TermInput.Check(request, errors) is not { } input)
        {
            return errors.ToOutcome<GlossaryTerm>();
        }

        if (!MayManage(input.TargetLanguage))
        {
            return new Outcome<GlossaryTerm>.Forbidden($"You may not manage the glossary into {input.TargetLanguage}.");
        }

        var term = GlossaryTerm.Create(Guid.CreateVersion7(), input.SourceLanguage, input.TargetLanguage, input.Source, input.Target, input.PartOfSpeech, input.DoNotTranslate, input.Note, user.Name, clock.GetUtcNow());
        db.Glossary.Add(term);
        audit.Add("glossary.created", language: term.TargetLanguage.Code, subject: $"{term.SourceLanguage}:{term.Source}");
        return await SaveAsync(term, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<GlossaryTerm>> UpdateAsync(Guid id, GlossaryTermRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var term = await db.Glossary.SingleOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (term is null)
        {
            return new Outcome<GlossaryTerm>.NotFound($"Glossary term {id}");
        }

        var errors = new FieldErrors();
        if (TermInput.Check(request, errors) is not { } input)
        {
            return errors.ToOutcome<GlossaryTerm>();
        }

        if (!MayManage(term.TargetLanguage) || input.SourceLanguage != term.SourceLanguage || input.TargetLanguage != term.TargetLanguage)
        {
            return input.SourceLanguage != term.SourceLanguage || input.TargetLanguage != term.TargetLanguage
                ? new Outcome<GlossaryTerm>.Conflict("A term's language pair does not change; delete it and create one in the other pair.")
                : new Outcome<GlossaryTerm>.Forbidden($"You may not manage the glossary into {term.TargetLanguage}.");
        }

        if (ItemStore.Precondition<GlossaryTerm>(ifMatch, term.Version) is { } failed)
        {
            return failed;
        }

        term.Change(input.Source, input.Target, input.PartOfSpeech, input.DoNotTranslate, input.Note, user.Name, clock.GetUtcNow());
        audit.Add("glossary.updated", language: term.TargetLanguage.Code, subject: $"{term.SourceLanguage}:{term.Source}");
        return await SaveAsync(term, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<GlossaryTerm>> DeleteAsync(Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        var term = await db.Glossary.SingleOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (term is null)
        {
            return new Outcome<GlossaryTerm>.NotFound($"Glossary term {id}");
        }

        if (!MayManage(term.TargetLanguage))
        {
            return new Outcome<GlossaryTerm>.Forbidden($"You may not manage the glossary into {term.TargetLanguage}.");
        }

        if (ItemStore.Precondition<GlossaryTerm>(ifMatch, term.Version) is { } failed)
        {
            return failed;
        }

        db.Glossary.Remove(term);
        audit.Add("glossary.deleted", language: term.TargetLanguage.Code, subject: $"{term.SourceLanguage}:{term.Source}");
        return await SaveAsync(term, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or updates (by source term and pair) every entry, in one transaction; nothing when any is refused.</summary>
    public async Task<Outcome<GlossaryImportResponse>> ImportAsync(IReadOnlyList<TermInput> inputs, CancellationToken cancellationToken)
    {
        var duplicate = inputs.GroupBy(i => (i.SourceLanguage, i.TargetLanguage, GlossaryTerm.KeyOf(i.Source))).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return new Outcome<GlossaryImportResponse>.Invalid(new() { ["terms"] = [$"'{duplicate.First().Source}' ({duplicate.Key.SourceLanguage}→{duplicate.Key.TargetLanguage}) appears more than once."] });
        }

        if (inputs.FirstOrDefault(i => !MayManage(i.TargetLanguage)) is { } refused)
        {
            return new Outcome<GlossaryImportResponse>.Forbidden($"You may not manage the glossary into {refused.TargetLanguage}.");
        }

        var pairs = inputs.Select(i => (i.SourceLanguage, i.TargetLanguage)).Distinct().ToList();
        var existing = new Dictionary<(LanguageTag, LanguageTag, string), GlossaryTerm>();
        foreach (var (from, to) in pairs)
        {
            foreach (var term in await db.Glossary.Where(t => t.SourceLanguage == from && t.TargetLanguage == to).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                existing[(from, to, term.SourceKey)] = term;
            }
        }

        var now = clock.GetUtcNow();
        var (created, updated) = (0, 0);
        foreach (var input in inputs)
        {
            if (existing.TryGetValue((input.SourceLanguage, input.TargetLanguage, GlossaryTerm.KeyOf(input.Source)), out var term))
            {
                term.Change(input.Source, input.Target, input.PartOfSpeech, input.DoNotTranslate, input.Note, user.Name, now);
                updated++;
            }
            else
            {
                db.Glossary.Add(GlossaryTerm.Create(Guid.CreateVersion7(), input.SourceLanguage, input.TargetLanguage, input.Source, input.Target, input.PartOfSpeech, input.DoNotTranslate, input.Note, user.Name, now));
                created++;
            }
        }

        audit.Add("glossary.imported", details: $"created={created} updated={updated}");
        return (await SaveAsync<GlossaryImportResponse>(new(created, updated), cancellationToken).ConfigureAwait(false));
    }

    public Task<List<GlossaryTerm>> ExportAsync(LanguageTag from, LanguageTag? to, CancellationToken cancellationToken) =>
        db.Glossary.AsNoTracking().Where(t => t.SourceLanguage == from && (to == null || t.TargetLanguage == to))
            .OrderBy(t => t.SourceKey).ThenBy(t => t.TargetLanguage).ToListAsync(cancellationToken);

    private bool MayManage(LanguageTag target) =>
        user.Has(Role.Admin) || user.Has(Role.Editor) || (user.Has(Role.Translator) && user.Languages.Contains(target));

    private async Task<Outcome<T>> SaveAsync<T>(T value, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return value;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<T>.PreconditionFailed(null);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, "ix_glossary_terms_source_language_target_language_source_key"))
        {
            return new Outcome<T>.Conflict("The pair already has this term; change that entry instead.");
        }
    }
}
