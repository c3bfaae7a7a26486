using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Items;

/// <summary>The editorial API for items: create, read, list, update, delete.</summary>
public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/api/v1/items").WithTags("Items").RequireAuthorization(Policies.Staff);
        items.MapGet("/", ListItems).WithName("ListItems").WithSummary("Lists items, filtered, ordered and paged.").ProducesListProblems();
        items.MapPost("/", CreateItem).WithName("CreateItem").WithSummary("Creates an item with its first language variant.")
            .ProducesCreateProblems().RequireAuthorization(Policies.Editors);
        items.MapGet("/{id}", GetItem).WithName("GetItem").WithSummary("Reads an item with all its language variants.").ProducesReadProblems();
        items.MapPut("/{id}", UpdateItem).WithName("UpdateItem").WithSummary("Replaces the item's own fields (If-Match required).")
            .ProducesGuardedProblems().RequireAuthorization(Policies.Editors);
        items.MapDelete("/{id}", DeleteItem).WithName("DeleteItem").WithSummary("Deletes a draft item with its variants and revisions (If-Match required).")
            .ProducesGuardedProblems().RequireAuthorization(Policies.Editors);
        return routes;
    }

    /// <summary>Lists items. Titles are in the filtered language, or else in each item's source language.</summary>
    public static async Task<Results<Ok<PagedResponse<ItemSummaryResponse>>, ProblemHttpResult>> ListItems(
        [AsParameters] ItemListQuery query, ItemList list, CancellationToken cancellationToken) =>
        (await list.QueryAsync(query, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Creates an item in the Draft state, for the editor's own unit; answers 201 with the item, its Location and ETag.</summary>
    public static async Task<Results<Created<ItemResponse>, ProblemHttpResult>> CreateItem(
        CreateItemRequest request, ItemService service, ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(request, Actor.Of(http.User), cancellationToken);
        if (outcome is not Outcome<ContentItem>.Done { Value: var item })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, item.Version);
        return TypedResults.Created($"/api/v1/items/{item.Id}", await views.ItemAsync(item, cancellationToken));
    }

    /// <summary>Reads an item; the ETag header is the version of the item's own fields.</summary>
    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> GetItem(Guid id, ItemStore store, ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var item = await store.FindAsync(id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound($"Item {id}");
        }

        ETags.Set(http.Response, item.Version);
        return TypedResults.Ok(await views.ItemAsync(item, cancellationToken));
    }

    /// <summary>
    /// Replaces the item's own fields. 428 without If-Match, 412 when the item changed since it was
    /// read. Changing an approved or scheduled item sends it back to review.
    /// </summary>
    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> UpdateItem(
        Guid id, UpdateItemRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService service, ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await service.UpdateAsync(id, request, ifMatch, Actor.Of(http.User), cancellationToken);
        if (outcome is not Outcome<ContentItem>.Done { Value: var item })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, item.Version);
        return TypedResults.Ok(await views.ItemAsync(item, cancellationToken));
    }

    /// <summary>Deletes a draft item. Items past Draft cannot be deleted (409).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService service, CancellationToken cancellationToken) =>
        (await service.DeleteItemAsync(id, ifMatch, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
