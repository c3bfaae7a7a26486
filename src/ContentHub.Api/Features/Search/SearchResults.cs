using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Search;

/// <summary>A page of hits, best first, with the total and, for Vietnamese typed without diacritics, the query with them.</summary>
/// <param name="Items">The hits on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Hits per page.</param>
/// <param name="TotalCount">All hits, counted up to 1,000.</param>
/// <param name="TotalCountRelation">"eq" when <paramref name="TotalCount"/> is exact, "gte" when there are at least that many.</param>
/// <param name="DidYouMean">The query as titles write it ("Bắc Giang" for "bac giang"), when that differs.</param>
public sealed record SearchPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, string TotalCountRelation, string? DidYouMean);

public static class SearchPage
{
    /// <summary>
    /// A page whose matches were counted up to <see cref="SearchInput.MaxCounted"/> (and one more, to know
    /// there are more); not <c>exact</c> when the count is only known to be at least that many.
    /// </summary>
    public static SearchPage<T> Counted<T>(IReadOnlyList<T> items, int page, int pageSize, int counted, string? didYouMean, bool exact = true) =>
        counted > SearchInput.MaxCounted || !exact
            ? new(items, page, pageSize, Math.Min(counted, SearchInput.MaxCounted), "gte", didYouMean)
            : new(items, page, pageSize, counted, "eq", didYouMean);
}

/// <summary>One language of an item that matches.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Language">The language of the matching text.</param>
/// <param name="Kind">The item's kind.</param>
/// <param name="State">The item's editorial state.</param>
/// <param name="Title">The title in that language.</param>
/// <param name="Snippet">A passage of the lead or body, HTML-escaped, the matching words in &lt;mark&gt;.</param>
/// <param name="Score">How well it matches (higher is better; comparable within one search only).</param>
/// <param name="UpdatedAt">When this language's text last changed.</param>
public sealed record EditorialHit(Guid ItemId, string Language, ContentKind Kind, EditorialState State, string Title, string Snippet, double Score, DateTimeOffset UpdatedAt);
