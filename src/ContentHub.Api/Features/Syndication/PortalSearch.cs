using ContentHub.Api.Features.OData;
using ContentHub.Api.Features.Search;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;
using ContentHub.Domain.Text;
using ContentHub.Search;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>One entry a portal's reader finds.</summary>
/// <param name="Id">The item.</param>
/// <param name="Language">The language of the text shown (the asked one, or a fallback).</param>
/// <param name="Kind">The item's kind.</param>
/// <param name="Title">The title.</param>
/// <param name="Summary">The lead.</param>
/// <param name="Snippet">A passage of the lead or body, HTML-escaped, the matching words in &lt;mark&gt;.</param>
/// <param name="Url">The entry's page on the portal.</param>
/// <param name="PublishedAt">When the item was published.</param>
/// <param name="Score">How well it matches (higher is better; comparable within one search only).</param>
public sealed record PortalHit(Guid Id, string Language, ContentKind Kind, string Title, string? Summary, string Snippet, Uri Url, DateTimeOffset PublishedAt, double Score);

/// <summary>
/// Search for a portal's readers, over exactly what the portal shows (the OData service's visibility:
/// kinds, categories, publication window, reviewed text unless it takes machine translation, each item
/// in the first language of the chain it has): never a draft, a withdrawn language or another portal's content.
/// </summary>
public sealed class PortalSearch(ContentHubDbContext db, PortalEntries entries, SearchSuggestions suggestions)
{

    public async Task<Outcome<SearchPage<PortalHit>>> SearchAsync(Portal portal, PortalSearchQuery query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var terms = SearchInput.Parse(query.Q, "q", errors);
        var language = query.Language is null ? portal.Languages[0].Language : PortalFilters.Language(portal, query.Language, errors);
        var kind = PortalFilters.Kind(portal, query.Kind, errors);
        var (page, size) = SearchInput.Page(query.Page, query.PageSize, errors);
        Guid? categoryId = null;
        if (query.Category is not null && !errors.Any && await PortalFilters.CategoryAsync(db, portal, query.Category, errors, cancellationToken).ConfigureAwait(false) is { } category)
        {
            categoryId = category.Id;
        }

        if (errors.Any)
        {
            return errors.ToOutcome<SearchPage<PortalHit>>();
        }

        var chain = portal.Languages.First(l => l.Language == language).Chain;
        // Phrases: candidates from the index (all of the words), the phrase then checked on as many of
        // them as the count and the ranking need, not on every candidate (which reads every vector).
        var candidate = SearchTerms.Through(terms!.Matching<PublishedEntrySearch>(e => e.Language, chain, relaxed: true), (SearchListing l) => l.Entry);
        var exact = terms.HasPhrase ? SearchTerms.Through(terms.Matching<PublishedEntrySearch>(e => e.Language, chain), (SearchListing l) => l.Entry) : null;
        var scored = terms.WithScore((SearchListing l) => l.Entry, (PublishedEntrySearch e) => e.Language);
        var fence = 0; // OFFSET 0, a parameter: PostgreSQL then checks the phrase outside the candidates' query, row by row, and stops at the limit
        var counted = 0;
        var rows = new List<Row>();
        foreach (var k in PortalFilters.Kinds(portal, kind))
        {
            var visible = entries.Searchable(portal, k, chain).Where(candidate);
            visible = categoryId is { } c ? visible.Where(l => l.Item.CategoryId == c) : visible;
            visible = query.From is { } from ? visible.Where(l => l.Item.PublishedAt >= from) : visible;
            visible = query.To is { } to ? visible.Where(l => l.Item.PublishedAt < to) : visible;
            var matches = exact is null ? visible : visible.Skip(fence).Where(exact);
            counted += await matches.Take(SearchInput.MaxCounted + 1).CountAsync(cancellationToken).ConfigureAwait(false);

            // Each kind's best among its newest matches, as many as the page needs; merged below.
            var newestFirst = visible.OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId);
            if (exact is not null)
            {
                newestFirst = newestFirst.Skip(fence).Where(exact).OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId);
            }

            rows.AddRange(await newestFirst.Take(SearchInput.MaxRanked).Select(scored)
                .OrderByDescending(s => s.Score).ThenByDescending(s => s.Row.Item.PublishedAt).ThenBy(s => s.Row.Item.ItemId)
                .Take(page * size)
                .Select(s => new Row(s.Row.Item.ItemId, s.Row.Entry.Language, s.Row.Item.PublishedAt, s.Score))
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        var best = rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.PublishedAt).ThenBy(r => r.ItemId).Skip((page - 1) * size).Take(size).ToList();

        // The text of this page's hits only: bodies are the bulk of a row.
        var ids = best.Select(r => r.ItemId).ToList();
        var languages = best.Select(r => r.Language).Distinct().ToList();
        var texts = (await db.PublishedEntries.AsNoTracking().Where(e => ids.Contains(e.ItemId) && languages.Contains(e.Language))
                .Select(e => new { e.ItemId, e.Language, e.Kind, e.Title, e.Summary, e.BodyHtml, e.Slug })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => (e.ItemId, e.Language));
        var hits = best.Where(r => texts.ContainsKey((r.ItemId, r.Language))).Select(r => (Row: r, Text: texts[(r.ItemId, r.Language)]))
            .Select(h => new PortalHit(
                h.Row.ItemId, h.Row.Language.Code, h.Text.Kind, h.Text.Title, h.Text.Summary,
                Snippets.Make(SearchInput.SnippetSource(h.Text.Summary, h.Text.BodyHtml), terms.For(h.Row.Language), h.Row.Language),
                PortalLinks.Page(portal, h.Row.Language.Code, h.Text.Kind, h.Text.Slug), h.Row.PublishedAt, Math.Round(h.Row.Score, 6)))
            .ToList();
        var didYouMean = await suggestions.SuggestAsync("portal:" + portal.Id, query.Q!, ct => VietnameseTitlesAsync(portal, ct), cancellationToken).ConfigureAwait(false);
        return new Outcome<SearchPage<PortalHit>>.Done(SearchPage.Counted(hits, page, size, counted, didYouMean));
    }

    // Only what this portal shows in Vietnamese, so suggestions never reveal another portal's words.
    private async Task<List<string>> VietnameseTitlesAsync(Portal portal, CancellationToken cancellationToken)
    {
        if (portal.Languages.All(l => !l.Chain.Contains(LanguageTag.Vietnamese)))
        {
            return [];
        }

        var titles = new List<string>();
        foreach (var k in PortalFilters.Kinds(portal, null))
        {
            titles.AddRange(await entries.Visible(portal, k, [LanguageTag.Vietnamese]).OrderByDescending(l => l.Item.PublishedAt).Take(SearchSuggestions.MaxTitles)
                .Select(l => l.Entry.Title).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return titles;
    }

    private sealed record Row(Guid ItemId, LanguageTag Language, DateTimeOffset PublishedAt, float Score);
}
