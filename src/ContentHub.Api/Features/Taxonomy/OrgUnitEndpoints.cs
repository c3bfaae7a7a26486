using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>The departments, districts and agencies that own content.</summary>
public static class OrgUnitEndpoints
{
    public static IEndpointRouteBuilder MapOrgUnitEndpoints(this IEndpointRouteBuilder routes)
    {
        var units = routes.MapGroup("/api/v1/org-units").WithTags("Organisation units").RequireAuthorization(Policies.Staff);
        units.MapGet("/", ListOrgUnits).WithName("ListOrgUnits").WithSummary("Lists organisation units by code, paged.").ProducesListProblems();
        units.MapPost("/", CreateOrgUnit).WithName("CreateOrgUnit").WithSummary("Creates an organisation unit.").ProducesCreateProblems().RequireAuthorization(Policies.Admins);
        units.MapGet("/{id}", GetOrgUnit).WithName("GetOrgUnit").WithSummary("Reads an organisation unit.").ProducesReadProblems();
        units.MapPut("/{id}", UpdateOrgUnit).WithName("UpdateOrgUnit").WithSummary("Replaces an organisation unit.").ProducesChangeProblems().RequireAuthorization(Policies.Admins);
        units.MapDelete("/{id}", DeleteOrgUnit).WithName("DeleteOrgUnit").WithSummary("Deletes an organisation unit that owns no items.").ProducesChangeProblems().RequireAuthorization(Policies.Admins);
        return routes;
    }

    /// <summary>Lists organisation units, ordered by code.</summary>
    public static async Task<Results<Ok<PagedResponse<OrgUnitResponse>>, ProblemHttpResult>> ListOrgUnits(
        int? page, int? pageSize, OrgUnitService units, CancellationToken cancellationToken) =>
        (await units.ListAsync(page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Creates an organisation unit; 409 when the code is taken.</summary>
    public static async Task<Results<Created<OrgUnitResponse>, ProblemHttpResult>> CreateOrgUnit(
        OrgUnitRequest request, OrgUnitService units, CancellationToken cancellationToken) =>
        (await units.CreateAsync(request, cancellationToken))
            .ToResult(unit => TypedResults.Created($"/api/v1/org-units/{unit.Id}", OrgUnitResponse.From(unit)));

    /// <summary>Reads an organisation unit.</summary>
    public static async Task<Results<Ok<OrgUnitResponse>, ProblemHttpResult>> GetOrgUnit(Guid id, OrgUnitService units, CancellationToken cancellationToken) =>
        await units.FindAsync(id, cancellationToken) is { } unit
            ? TypedResults.Ok(OrgUnitResponse.From(unit))
            : Problems.NotFound($"Organisation unit {id}");

    /// <summary>Replaces an organisation unit's code, type and names.</summary>
    public static async Task<Results<Ok<OrgUnitResponse>, ProblemHttpResult>> UpdateOrgUnit(
        Guid id, OrgUnitRequest request, OrgUnitService units, CancellationToken cancellationToken) =>
        (await units.UpdateAsync(id, request, cancellationToken)).ToResult(unit => TypedResults.Ok(OrgUnitResponse.From(unit)));

    /// <summary>Deletes an organisation unit; 409 while it owns items.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteOrgUnit(Guid id, OrgUnitService units, CancellationToken cancellationToken) =>
        (await units.DeleteAsync(id, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
