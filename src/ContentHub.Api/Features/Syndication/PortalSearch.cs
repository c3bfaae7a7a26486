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
public sealed class PortalSearch(ContentHubDbContext db, PortalEntries entries, SearchSuggestions suggestions, IConfiguration configuration)
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

        ArgumentNullException.ThrowIfNull(terms);
        var chain = portal.Languages.First(l => l.Language == language).Chain;
        var filters = new Filters(categoryId, query.From, query.To);
        // Every kind asked for at once: the newest matches of any kind are ranked together.
        var kinds = PortalFilters.Kinds(portal, kind);
        var (matches, counted, exact) = await NewestByProbeAsync(portal, kinds, chain, terms, filters, cancellationToken).ConfigureAwait(false)
            ?? await NewestByIndexAsync(portal, kinds, chain, terms, filters, cancellationToken).ConfigureAwait(false);
        var best = (await RankAsync(matches, terms, page * size, cancellationToken).ConfigureAwait(false)).Skip((page - 1) * size).Take(size).ToList();

        // The text of this page's hits only: bodies are the bulk of a row.
        var ids = best.Select(r => r.ItemId).ToList();
        var languages = best.Select(r => r.Language).Distinct().ToList();
        var texts = (await db.PublishedEntries.AsNoTracking().Where(e => ids.Contains(e.ItemId) && languages.Contains(e.Language))
                .Select(e => new { e.ItemId, e.Language, e.Kind, e.Title, e.Summary, e.BodyHtml, e.Slug })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => (e.ItemId, e.Language));
        // Snippets analyse each hit's text (ICU word breaks for Chinese, Japanese and Lao): the page's run side by side.
        var hits = best.Where(r => texts.ContainsKey((r.ItemId, r.Language))).Select(r => (Row: r, Text: texts[(r.ItemId, r.Language)]))
            .AsParallel().AsOrdered()
            .Select(h => new PortalHit(
                h.Row.ItemId, h.Row.Language.Code, h.Text.Kind, h.Text.Title, h.Text.Summary,
                Snippets.Make(SearchInput.SnippetSource(h.Text.Summary, h.Text.BodyHtml), terms.For(h.Row.Language), h.Row.Language),
                PortalLinks.Page(portal, h.Row.Language.Code, h.Text.Kind, h.Text.Slug), h.Row.PublishedAt, Math.Round(h.Row.Score, 6)))
            .ToList();
        var didYouMean = await suggestions.SuggestAsync("portal:" + portal.Id, query.Q!, ct => VietnameseTitlesAsync(portal, ct), cancellationToken).ConfigureAwait(false);
        return new Outcome<SearchPage<PortalHit>>.Done(SearchPage.Counted(hits, page, size, counted, didYouMean, exact));
    }

    /// <summary>
    /// The newest matches when a search matches much of what the portal shows (see <see cref="NewestMatches"/>):
    /// the portal's newest items, of every kind asked for, each with its search row, the probe's items
    /// a subquery that PostgreSQL reads from the index on the publication time (as a list of ids to
    /// match, it read every item to join them). Null for a narrow search (<see cref="NewestByIndexAsync"/>).
    /// </summary>
    private Task<(List<Row> Newest, int Count, bool Exact)?> NewestByProbeAsync(
        Portal portal, IReadOnlyList<ContentKind> kinds, IReadOnlyList<LanguageTag> chain, SearchTerms terms, Filters filters, CancellationToken cancellationToken)
    {
        var matching = SearchTerms.Through(terms.MatchingRowByRow<PublishedEntrySearch>(e => e.Language, chain), (SearchListing l) => l.Entry);
        var items = filters.Apply(entries.Items(portal, kinds)).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.ItemId);
        return NewestMatches.ProbeAsync(items, NewestMatches.ProbeSize(configuration), chunk => entries.Searchable(portal, chunk, chain).Where(matching)
            .OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId)
            .Select(l => new Row(l.Item.ItemId, l.Entry.Language, l.Item.PublishedAt, 0f)), cancellationToken);
    }

    /// <summary>The newest matches as the search index finds them: for searches that match little.</summary>
    private async Task<(List<Row> Matches, int Count, bool Exact)> NewestByIndexAsync(
        Portal portal, IReadOnlyList<ContentKind> kinds, IReadOnlyList<LanguageTag> chain, SearchTerms terms, Filters filters, CancellationToken cancellationToken)
    {
        // Phrases: candidates from the index (all of the words), the phrase then checked on as many of
        // them as the count and the ranking need, not on every candidate (which reads every vector).
        var candidate = SearchTerms.Through(terms.Matching<PublishedEntrySearch>(e => e.Language, chain, relaxed: true), (SearchListing l) => l.Entry);
        var exact = terms.HasPhrase ? SearchTerms.Through(terms.Matching<PublishedEntrySearch>(e => e.Language, chain), (SearchListing l) => l.Entry) : null;
        var fence = 0; // OFFSET 0, a parameter: PostgreSQL then checks the phrase outside the candidates' query, row by row, and stops at the limit
        var visible = entries.Searchable(portal, filters.Apply(entries.Items(portal, kinds)), chain).Where(candidate);
        var matches = exact is null ? visible : visible.Skip(fence).Where(exact);
        var count = await matches.Take(SearchInput.MaxCounted + 1).CountAsync(cancellationToken).ConfigureAwait(false);
        var newestFirst = visible.OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId);
        if (exact is not null)
        {
            newestFirst = newestFirst.Skip(fence).Where(exact).OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId);
        }

        var newest = await newestFirst.Take(SearchInput.MaxRanked).Select(l => new Row(l.Item.ItemId, l.Entry.Language, l.Item.PublishedAt, 0f))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (newest, count, Exact: true);
    }

    /// <summary>The best <paramref name="wanted"/> of the matches by rank: only their index rows are read.</summary>
    private async Task<IEnumerable<Row>> RankAsync(List<Row> matches, SearchTerms terms, int wanted, CancellationToken cancellationToken)
    {
        if (matches.Count == 0)
        {
            return [];
        }

        var ids = matches.Select(m => m.ItemId).ToList();
        var languages = matches.Select(m => m.Language).Distinct().ToList();
        var scores = (await db.PublishedEntrySearches.Where(e => ids.Contains(e.ItemId) && languages.Contains(e.Language))
                .Select(terms.WithScore<PublishedEntrySearch>(e => e.Language))
                .Select(s => new { s.Row.ItemId, s.Row.Language, s.Score })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => (s.ItemId, s.Language), s => s.Score);
        return matches.Where(m => scores.ContainsKey((m.ItemId, m.Language))).Select(m => m with { Score = scores[(m.ItemId, m.Language)] })
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.PublishedAt).ThenBy(r => r.ItemId).Take(wanted);
    }

    /// <summary>The reader's filters on what items were published when and where.</summary>
    private sealed record Filters(Guid? CategoryId, DateTimeOffset? From, DateTimeOffset? To)
    {
        public IQueryable<PublishedItem> Apply(IQueryable<PublishedItem> items)
        {
            items = CategoryId is { } c ? items.Where(i => i.CategoryId == c) : items;
            items = From is { } from ? items.Where(i => i.PublishedAt >= from) : items;
            return To is { } to ? items.Where(i => i.PublishedAt < to) : items;
        }
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
