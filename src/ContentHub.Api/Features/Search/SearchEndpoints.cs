using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.Search;

/// <summary>Search for staff (editors, translators, reviewers): every language of every item, drafts included.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/search", SearchAsync).WithTags("Search").WithName("SearchItems").RequireAuthorization(Policies.Staff)
            .WithSummary("Searches the text of every language variant, drafts included: ranked hits with snippets, filters, paging and did-you-mean.")
            .ProducesListProblems();
        return routes;
    }

    /// <summary>Hits are language variants, best first; a snippet shows the matching words of the lead or body.</summary>
    public static async Task<Results<Ok<SearchPage<EditorialHit>>, ProblemHttpResult>> SearchAsync(
        [AsParameters] EditorialSearchQuery query, EditorialSearch search, CancellationToken cancellationToken) =>
        (await search.SearchAsync(query, cancellationToken)).ToResult(TypedResults.Ok);
}
