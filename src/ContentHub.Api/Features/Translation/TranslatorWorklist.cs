using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// A translator's work queue: the variants of their languages that need a person — missing,
/// machine-translated, outdated or returned — most urgent first (priority, then due date, then
/// the oldest). Editors and admins see every language. States are derived per item, so the queue
/// looks at the <see cref="MaxItemsScanned"/> most recently changed items that are not archived.
/// </summary>
public sealed class TranslatorWorklist(ContentHubDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxItemsScanned = 2000;

    private static readonly TranslationState[] NeedsPerson =
        [TranslationState.Missing, TranslationState.MachineTranslated, TranslationState.Outdated, TranslationState.InTranslation];

    public async Task<Outcome<PagedResponse<WorkQueueEntry>>> ListAsync(string? language, string? state, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (pageNumber, size) = PageRequest.Check(page, pageSize, errors);
        LanguageTag? only = null;
        if (language is not null && LanguageInput.TryParse(language, "language", errors, out var parsed))
        {
            only = parsed;
        }

        TranslationState? wanted = null;
        if (state is not null)
        {
            errors.Require(Enum.TryParse<TranslationState>(state, ignoreCase: true, out var s) && NeedsPerson.Contains(s), "state",
                "One of Missing, MachineTranslated, Outdated, InTranslation.");
            wanted = s;
        }

        if (errors.Any)
        {
            return errors.ToOutcome<PagedResponse<WorkQueueEntry>>();
        }

        var mine = user.Has(Role.Admin) || user.Has(Role.Editor) ? LanguageTag.All.ToHashSet() : user.Languages.ToHashSet();
        var languages = mine.Where(l => only is null || l == only).ToList();
        // Only the facts states depend on: no bodies.
        var items = await db.Items.AsNoTracking()
            .Where(i => i.State != EditorialState.Archived)
            .OrderByDescending(i => i.UpdatedAt).Take(MaxItemsScanned)
            .Select(i => new
            {
                i.Id, i.Kind, i.SourceLanguage, i.Sensitive, i.TranslationPriority, i.TranslationDueOn, i.CreatedAt,
                Variants = i.Variants.Select(v => new { v.Language, v.Title, v.Fingerprint, v.Review, v.SignOff, v.Translation, v.UpdatedAt }).ToList(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = items.ConvertAll(i => i.Id);
        var latest = await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.ItemId) && r.Language != null)
            .GroupBy(r => new { r.ItemId, r.Language })
            .Select(g => new { g.Key.ItemId, g.Key.Language, Latest = g.Max(r => r.Id) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latestOf = latest.ToDictionary(r => (r.ItemId, r.Language!.Value), r => r.Latest);

        var now = clock.GetUtcNow();
        var entries = new List<WorkQueueEntry>();
        foreach (var item in items)
        {
            var source = item.Variants.Find(v => v.Language == item.SourceLanguage);
            foreach (var target in languages.Where(l => l != item.SourceLanguage))
            {
                var variant = item.Variants.Find(v => v.Language == target);
                var facts = variant is null ? null : new VariantFacts(variant.Review, variant.SignOff, variant.Translation);
                var current = TranslationStates.Derive(item.Sensitive, source?.Fingerprint, facts, latestOf.TryGetValue((item.Id, target), out var id) ? id : null);
                var returned = variant?.Translation?.Stage == TranslationStage.Returned;
                if (!NeedsPerson.Contains(current) || (current == TranslationState.InTranslation && !returned) || (wanted is not null && wanted != current))
                {
                    continue;
                }

                var since = variant?.UpdatedAt ?? source?.UpdatedAt ?? item.CreatedAt;
                entries.Add(new WorkQueueEntry(item.Id, item.Kind.ToString(), source?.Title ?? string.Empty, target.Code, current, returned,
                    item.TranslationPriority.ToString(), item.TranslationDueOn, since, Math.Round((now - since).TotalDays, 1)));
            }
        }

        var ordered = entries
            .OrderByDescending(e => Enum.Parse<TranslationPriority>(e.Priority))
            .ThenBy(e => e.DueOn ?? DateOnly.MaxValue)
            .ThenBy(e => e.Since)
            .ThenBy(e => e.ItemId).ThenBy(e => e.Language, StringComparer.Ordinal)
            .ToList();
        return new PagedResponse<WorkQueueEntry>(ordered.Skip((pageNumber - 1) * size).Take(size).ToList(), pageNumber, size, ordered.Count);
    }
}
