using ContentHub.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.Portals;

/// <summary>The portal registry and API keys (admins), and a portal's view of itself (API key).</summary>
public static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder routes)
    {
        var portals = routes.MapGroup("/api/v1/portals").WithTags("Portals").RequireAuthorization(Policies.Admins);
        portals.MapGet("/", ListPortals).WithName("ListPortals").WithSummary("Lists portals by slug, paged.").ProducesListProblems();
        portals.MapPost("/", CreatePortal).WithName("CreatePortal").WithSummary("Registers a portal.").ProducesCreateProblems();
        portals.MapGet("/{id}", GetPortal).WithName("GetPortal").WithSummary("Reads a portal.").ProducesReadProblems();
        portals.MapPut("/{id}", UpdatePortal).WithName("UpdatePortal").WithSummary("Replaces a portal's settings.").ProducesChangeProblems();
        portals.MapDelete("/{id}", DeletePortal).WithName("DeletePortal").WithSummary("Deletes a portal and its keys.").ProducesReadProblems();
        portals.MapGet("/{id}/keys", ListKeys).WithName("ListApiKeys").WithSummary("Lists a portal's API keys (never their secrets).").ProducesReadProblems();
        portals.MapPost("/{id}/keys", IssueKey).WithName("IssueApiKey").WithSummary("Issues an API key, shown once; at most two are live.").ProducesChangeProblems();
        portals.MapPost("/{id}/feed-token", RotateFeedToken).WithName("RotateFeedToken")
            .WithSummary("Makes the portal's feed token anew (shown once); the previous one stops working.").ProducesReadProblems();
        portals.MapDelete("/{id}/keys/{keyId}", RevokeKey).WithName("RevokeApiKey").WithSummary("Revokes an API key at once.").ProducesReadProblems();

        routes.MapGet("/api/v1/answer-cache", (PortalAnswerCache answers) => TypedResults.Ok(answers.Statistics())).WithTags("Portals").WithName("GetAnswerCache")
            .WithSummary("What the cache of portal answers holds on this instance (entries, bytes, limit) and how it was used since start (hits, answers made, requests not cached).")
            .RequireAuthorization(Policies.Admins);
        routes.MapGet("/api/v1/portal", GetOwnPortal).WithTags("Portals").WithName("GetOwnPortal")
            .WithSummary("The calling portal's own settings, for checking a key (X-Api-Key).")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyHandler.SchemeName, Policy = Policies.Portals });
        return routes;
    }

    /// <summary>A new feed token for private portals' feeds, which feed readers fetch without headers.</summary>
    public static async Task<Results<Ok<FeedTokenResponse>, ProblemHttpResult>> RotateFeedToken(Guid id, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.RotateFeedTokenAsync(id, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Lists portals.</summary>
    public static async Task<Results<Ok<PagedResponse<PortalResponse>>, ProblemHttpResult>> ListPortals(int? page, int? pageSize, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.ListAsync(page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Registers a portal with its languages and fallbacks, categories and kinds.</summary>
    public static async Task<Results<Created<PortalResponse>, ProblemHttpResult>> CreatePortal(PortalRequest request, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.CreateAsync(request, cancellationToken)).ToResult(portal => TypedResults.Created($"/api/v1/portals/{portal.Id}", PortalResponse.From(portal)));

    /// <summary>Reads a portal.</summary>
    public static async Task<Results<Ok<PortalResponse>, ProblemHttpResult>> GetPortal(Guid id, PortalService portals, CancellationToken cancellationToken) =>
        await portals.FindAsync(id, cancellationToken) is { } portal ? TypedResults.Ok(PortalResponse.From(portal)) : Problems.NotFound($"Portal {id}");

    /// <summary>Replaces a portal's settings; its keys stay.</summary>
    public static async Task<Results<Ok<PortalResponse>, ProblemHttpResult>> UpdatePortal(Guid id, PortalRequest request, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.UpdateAsync(id, request, cancellationToken)).ToResult(portal => TypedResults.Ok(PortalResponse.From(portal)));

    /// <summary>Deletes a portal; its keys stop working at once.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePortal(Guid id, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.DeleteAsync(id, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    /// <summary>Lists a portal's keys, live and revoked, with when each was last used.</summary>
    public static async Task<Results<Ok<List<ApiKeyResponse>>, ProblemHttpResult>> ListKeys(Guid id, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.KeysAsync(id, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Issues a key. The answer holds the whole key, which is never shown again.</summary>
    public static async Task<Results<Created<IssuedApiKeyResponse>, ProblemHttpResult>> IssueKey(Guid id, PortalService portals, CancellationToken cancellationToken, ApiKeyRequest? request = null) =>
        (await portals.IssueKeyAsync(id, request ?? new ApiKeyRequest(), cancellationToken)).ToResult(key => TypedResults.Created($"/api/v1/portals/{id}/keys", key));

    /// <summary>Revokes a key; requests with it fail from now on.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(Guid id, Guid keyId, PortalService portals, CancellationToken cancellationToken) =>
        (await portals.RevokeKeyAsync(id, keyId, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    /// <summary>The calling portal, as its key identifies it.</summary>
    public static async Task<Results<Ok<PortalResponse>, ProblemHttpResult>> GetOwnPortal(System.Security.Claims.ClaimsPrincipal principal, PortalService portals, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(principal.FindFirst(ApiKeyHandler.PortalClaim)!.Value);
        return await portals.FindAsync(id, cancellationToken) is { } portal ? TypedResults.Ok(PortalResponse.From(portal)) : Problems.NotFound("Your portal");
    }
}
