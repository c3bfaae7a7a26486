using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// Search over every language variant, drafts included, for staff: filtered, ranked, paged, with
/// snippets. Like the portals' search, a broad search probes the newest variants row by row and a
/// narrow one asks the index (see <c>PortalSearch</c>); then only the newest matches are ranked.
/// </summary>
public sealed class EditorialSearch(ContentHubDbContext db, SearchSuggestions suggestions, IConfiguration configuration)
{

    public async Task<Outcome<SearchPage<EditorialHit>>> SearchAsync(EditorialSearchQuery query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var terms = SearchInput.Parse(query.Q, "q", errors);
        var kind = EnumInput.Parse<ContentKind>(query.Kind, "kind", errors);
        var state = EnumInput.Parse<EditorialState>(query.State, "state", errors);
        LanguageTag? language = null;
        if (query.Language is not null && LanguageInput.TryParse(query.Language, "language", errors, out var parsed))
        {
            language = parsed;
        }

        var (page, size) = SearchInput.Page(query.Page, query.PageSize, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<SearchPage<EditorialHit>>();
        }

        // What may be found, before matching: the filters on the variant and on its item.
        var variants = db.Variants.AsNoTracking();
        variants = language is { } l ? variants.Where(v => v.Language == l) : variants;
        variants = query.UpdatedFrom is { } from ? variants.Where(v => v.UpdatedAt >= from) : variants;
        variants = query.UpdatedTo is { } to ? variants.Where(v => v.UpdatedAt < to) : variants;
        var searchable = from v in variants
                         join i in db.Items on v.ItemId equals i.Id
                         where (kind == null || i.Kind == kind) && (state == null || i.State == state)
                             && (query.CategoryId == null || i.CategoryId == query.CategoryId) && (query.OrgUnitId == null || i.OrgUnitId == query.OrgUnitId)
                         select v;

        var (newest, counted, exact) = await NewestByProbeAsync(searchable, terms!, cancellationToken).ConfigureAwait(false)
            ?? await NewestByIndexAsync(searchable, terms!, cancellationToken).ConfigureAwait(false);
        var best = (await ScoresAsync(newest, terms!, cancellationToken).ConfigureAwait(false))
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.ItemId).ThenBy(r => r.Language.Code, StringComparer.Ordinal)
            .Skip((page - 1) * size).Take(size).ToList();

        // The text of this page's hits only.
        var ids = best.Select(r => r.ItemId).ToList();
        var languages = best.Select(r => r.Language).Distinct().ToList();
        var texts = (await (from v in db.Variants.AsNoTracking()
                            join i in db.Items on v.ItemId equals i.Id
                            where ids.Contains(v.ItemId) && languages.Contains(v.Language)
                            select new { v.ItemId, v.Language, v.Kind, i.State, v.Title, v.Summary, v.BodyHtml })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(t => (t.ItemId, t.Language));
        var items = best.Where(r => texts.ContainsKey((r.ItemId, r.Language))).Select(r => (Row: r, Text: texts[(r.ItemId, r.Language)]))
            .AsParallel().AsOrdered() // each snippet analyses its hit's text; the page's run side by side
            .Select(h => new EditorialHit(
                h.Row.ItemId, h.Row.Language.Code, h.Text.Kind, h.Text.State, h.Text.Title,
                Snippets.Make(SearchInput.SnippetSource(h.Text.Summary, h.Text.BodyHtml), terms!.For(h.Row.Language), h.Row.Language),
                Math.Round(h.Row.Score, 6), h.Row.UpdatedAt))
            .ToList();
        var didYouMean = await suggestions.SuggestAsync("editors", query.Q!, VietnameseTitlesAsync, cancellationToken).ConfigureAwait(false);
        return new Outcome<SearchPage<EditorialHit>>.Done(SearchPage.Counted(items, page, size, counted, didYouMean, exact));
    }

    /// <summary>
    /// The newest matches when a search matches much of what may be found (see <see cref="NewestMatches"/>):
    /// the newest variants, read from the indexes on their update time. Null for a narrow search.
    /// </summary>
    private async Task<(HashSet<(Guid, LanguageTag)> Newest, int Count, bool Exact)?> NewestByProbeAsync(
        IQueryable<ContentVariant> searchable, SearchTerms terms, CancellationToken cancellationToken)
    {
        var matching = terms.MatchingRowByRow<ContentVariant>(v => v.Language);
        var newestFirst = searchable.OrderByDescending(v => v.UpdatedAt).ThenByDescending(v => v.ItemId).ThenBy(v => v.Language);
        var probed = await NewestMatches.ProbeAsync(newestFirst, NewestMatches.ProbeSize(configuration), chunk => chunk.Where(matching)
            .OrderByDescending(v => v.UpdatedAt).ThenByDescending(v => v.ItemId).ThenBy(v => v.Language)
            .Select(v => new { v.ItemId, v.Language }), cancellationToken).ConfigureAwait(false);
        return probed is var (newest, count, exact) ? (newest.Select(n => (n.ItemId, n.Language)).ToHashSet(), count, exact) : null;
    }

    /// <summary>The newest matches as the search index finds them: for searches that match little.</summary>
    private static async Task<(HashSet<(Guid, LanguageTag)> Newest, int Count, bool Exact)> NewestByIndexAsync(
        IQueryable<ContentVariant> searchable, SearchTerms terms, CancellationToken cancellationToken)
    {
        var hits = searchable.Where(terms.Matching<ContentVariant>(v => v.Language));
        var counted = await hits.Take(SearchInput.MaxCounted + 1).CountAsync(cancellationToken).ConfigureAwait(false);
        var newest = await hits.OrderByDescending(v => v.UpdatedAt).ThenByDescending(v => v.ItemId).ThenBy(v => v.Language).Take(SearchInput.MaxRanked)
            .Select(v => new { v.ItemId, v.Language }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (newest.Select(n => (n.ItemId, n.Language)).ToHashSet(), counted, Exact: true);
    }

    // The rank of each of these variants, reading only their rows.
    private async Task<List<Scored>> ScoresAsync(HashSet<(Guid ItemId, LanguageTag Language)> variants, SearchTerms terms, CancellationToken cancellationToken)
    {
        if (variants.Count == 0)
        {
            return [];
        }

        var ids = variants.Select(v => v.ItemId).Distinct().ToList();
        var languages = variants.Select(v => v.Language).Distinct().ToList();
        var scored = await db.Variants.AsNoTracking().Where(v => ids.Contains(v.ItemId) && languages.Contains(v.Language))
            .Select(terms.WithScore<ContentVariant>(v => v.Language))
            .Select(s => new Scored(s.Row.ItemId, s.Row.Language, s.Row.UpdatedAt, s.Score))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return scored.Where(s => variants.Contains((s.ItemId, s.Language))).ToList();
    }

    private sealed record Scored(Guid ItemId, LanguageTag Language, DateTimeOffset UpdatedAt, float Score);

    private Task<List<string>> VietnameseTitlesAsync(CancellationToken cancellationToken) =>
        db.Variants.AsNoTracking().Where(v => v.Language == LanguageTag.Vietnamese).OrderByDescending(v => v.UpdatedAt).Take(SearchSuggestions.MaxTitles)
            .Select(v => v.Title).ToListAsync(cancellationToken);
}
