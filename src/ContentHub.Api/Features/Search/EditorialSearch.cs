using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Text;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Search;

/// <summary>Search over every language variant, drafts included, for staff: filtered, ranked, paged, with snippets.</summary>
public sealed class EditorialSearch(ContentHubDbContext db, SearchSuggestions suggestions)
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

        var variants = db.Variants.AsNoTracking().Where(terms!.Matching<ContentVariant>(v => v.Language));
        variants = language is { } l ? variants.Where(v => v.Language == l) : variants;
        variants = query.UpdatedFrom is { } from ? variants.Where(v => v.UpdatedAt >= from) : variants;
        variants = query.UpdatedTo is { } to ? variants.Where(v => v.UpdatedAt < to) : variants;
        var hits = from s in variants.Select(terms.WithScore<ContentVariant>(v => v.Language))
                   join i in db.Items on s.Row.ItemId equals i.Id
                   where (kind == null || i.Kind == kind) && (state == null || i.State == state)
                       && (query.CategoryId == null || i.CategoryId == query.CategoryId) && (query.OrgUnitId == null || i.OrgUnitId == query.OrgUnitId)
                   select new { Variant = s.Row, s.Score, i.State };

        var counted = await hits.Take(SearchInput.MaxCounted + 1).CountAsync(cancellationToken).ConfigureAwait(false);

        // The best among the newest matches (see SearchInput.MaxRanked).
        var newest = hits.OrderByDescending(h => h.Variant.UpdatedAt).ThenByDescending(h => h.Variant.ItemId).ThenBy(h => h.Variant.Language).Take(SearchInput.MaxRanked);
        var rows = await newest.Select(h => new
            {
                h.Variant.ItemId, h.Variant.Language, h.Variant.Kind, h.State, h.Variant.Title, h.Variant.Summary, h.Variant.BodyHtml, h.Variant.UpdatedAt,
                h.Score,
            })
            .OrderByDescending(h => h.Score).ThenByDescending(h => h.UpdatedAt).ThenBy(h => h.ItemId).ThenBy(h => h.Language)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var items = rows.ConvertAll(r => new EditorialHit(
            r.ItemId, r.Language.Code, r.Kind, r.State, r.Title,
            Snippets.Make(SearchInput.SnippetSource(r.Summary, r.BodyHtml), terms.For(r.Language), r.Language),
            Math.Round(r.Score, 6), r.UpdatedAt));
        var didYouMean = await suggestions.SuggestAsync("editors", query.Q!, VietnameseTitlesAsync, cancellationToken).ConfigureAwait(false);
        return new Outcome<SearchPage<EditorialHit>>.Done(SearchPage.Counted(items, page, size, counted, didYouMean));
    }

    private Task<List<string>> VietnameseTitlesAsync(CancellationToken cancellationToken) =>
        db.Variants.AsNoTracking().Where(v => v.Language == LanguageTag.Vietnamese).OrderByDescending(v => v.UpdatedAt).Take(SearchSuggestions.MaxTitles)
            .Select(v => v.Title).ToListAsync(cancellationToken);
}
