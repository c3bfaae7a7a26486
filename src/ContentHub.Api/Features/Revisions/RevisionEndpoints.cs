using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Revisions;

/// <summary>The revision history of an item: list, read, compare, restore.</summary>
public static class RevisionEndpoints
{
    public static IEndpointRouteBuilder MapRevisionEndpoints(this IEndpointRouteBuilder routes)
    {
        var revisions = routes.MapGroup("/api/v1/items/{id}/revisions").WithTags("Revisions").RequireAuthorization(Policies.Staff);
        revisions.MapGet("/", ListRevisions).WithName("ListRevisions").WithSummary("Lists an item's revisions, newest first.").ProducesReadProblems();
        revisions.MapGet("/{revisionId}", GetRevision).WithName("GetRevision").WithSummary("Reads one revision with the state it saved.").ProducesReadProblems();
        revisions.MapGet("/{revisionId}/diff", DiffRevisions).WithName("DiffRevisions").WithSummary("Compares a revision with a later one, field by field and line by line.").ProducesReadProblems();
        revisions.MapPost("/{revisionId}/restore", RestoreRevision).WithName("RestoreRevision").WithSummary("Restores what a revision saved, as a new revision.").ProducesGuardedProblems()
            .RequireAuthorization(Policies.Writers);
        return routes;
    }

    /// <summary>Lists revisions; filter with language=vi (a variant) or language=item (the item's own fields).</summary>
    public static async Task<Results<Ok<PagedResponse<RevisionSummaryResponse>>, ProblemHttpResult>> ListRevisions(
        Guid id, [AsParameters] RevisionListQuery query, RevisionService revisions, CancellationToken cancellationToken) =>
        (await revisions.ListAsync(id, query, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Reads a revision.</summary>
    public static async Task<Results<Ok<RevisionResponse>, ProblemHttpResult>> GetRevision(
        Guid id, long revisionId, RevisionService revisions, CancellationToken cancellationToken)
    {
        var revision = await revisions.FindAsync(id, revisionId, cancellationToken);
        return revision is null ? Problems.NotFound($"Revision {revisionId} of item {id}") : TypedResults.Ok(RevisionResponse.From(revision));
    }

    /// <summary>Compares revision {revisionId} with revision "to" of the same item and the same variant (or both of the item's own fields).</summary>
    /// <param name="id">The item.</param>
    /// <param name="revisionId">The older revision.</param>
    /// <param name="to">The newer revision.</param>
    /// <param name="revisions">The revision service.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public static async Task<Results<Ok<RevisionDiffResponse>, ProblemHttpResult>> DiffRevisions(
        Guid id, long revisionId, [FromQuery] long to, RevisionService revisions, CancellationToken cancellationToken) =>
        (await revisions.DiffAsync(id, revisionId, to, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>
    /// Restores a revision: the item's own fields, or a variant, become what the revision saved, and a
    /// new revision records that. If-Match carries the current ETag of what is restored (not needed to
    /// bring back a deleted variant); the response's ETag header is its new one.
    /// </summary>
    public static async Task<Results<Ok<Items.ItemResponse>, ProblemHttpResult>> RestoreRevision(
        Guid id, long revisionId, [FromHeader(Name = "If-Match")] string? ifMatch, RevisionService revisions, Items.ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await revisions.RestoreAsync(id, revisionId, ifMatch, Actor.Of(http.User), cancellationToken);
        if (outcome is not Outcome<Restored>.Done { Value: var (item, version) })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, version);
        return TypedResults.Ok(await views.ItemAsync(item, cancellationToken));
    }
}
