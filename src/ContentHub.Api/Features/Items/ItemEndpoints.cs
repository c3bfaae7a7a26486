using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Items;

/// <summary>The editorial API for items: create, read, list, update, delete.</summary>
public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/api/v1/items").WithTags("Items");
        items.MapGet("/", ListItems).WithName("ListItems").WithSummary("Lists items, filtered, ordered and paged.").ProducesListProblems();
        items.MapPost("/", CreateItem).WithName("CreateItem").WithSummary("Creates an item with its first language variant.").ProducesCreateProblems();
        items.MapGet("/{id}", GetItem).WithName("GetItem").WithSummary("Reads an item with all its language variants.").ProducesReadProblems();
        items.MapPut("/{id}", UpdateItem).WithName("UpdateItem").WithSummary("Replaces the item's own fields (If-Match required).").ProducesGuardedProblems();
        items.MapDelete("/{id}", DeleteItem).WithName("DeleteItem").WithSummary("Deletes a draft item with its variants and revisions (If-Match required).").ProducesGuardedProblems();
        return routes;
    }

    /// <summary>Lists items. Titles are in the filtered language, or else in each item's source language.</summary>
    public static async Task<Results<Ok<PagedResponse<ItemSummaryResponse>>, ProblemHttpResult>> ListItems(
        [AsParameters] ItemListQuery query, ItemList list, CancellationToken cancellationToken) =>
        (await list.QueryAsync(query, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Creates an item in the Draft state; answers 201 with the item, its Location and ETag.</summary>
    public static async Task<Results<Created<ItemResponse>, ProblemHttpResult>> CreateItem(
        CreateItemRequest request, ItemService service, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(request, Actor.Of(http.User), cancellationToken);
        return outcome.ToResult(item =>
        {
            ETags.Set(http.Response, item.Version);
            return TypedResults.Created($"/api/v1/items/{item.Id}", ItemResponse.From(item));
        });
    }

    /// <summary>Reads an item; the ETag header is the version of the item's own fields.</summary>
    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> GetItem(Guid id, ItemService service, HttpContext http, CancellationToken cancellationToken)
    {
        var item = await service.FindAsync(id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound($"Item {id}");
        }

        ETags.Set(http.Response, item.Version);
        return TypedResults.Ok(ItemResponse.From(item));
    }

    /// <summary>Replaces the item's own fields. 428 without If-Match, 412 when the item changed since it was read.</summary>
    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> UpdateItem(
        Guid id, UpdateItemRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService service, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await service.UpdateAsync(id, request, ifMatch, Actor.Of(http.User), cancellationToken);
        return outcome.ToResult(item =>
        {
            ETags.Set(http.Response, item.Version);
            return TypedResults.Ok(ItemResponse.From(item));
        });
    }

    /// <summary>Deletes a draft item. Items past Draft cannot be deleted (409).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService service, CancellationToken cancellationToken) =>
        (await service.DeleteItemAsync(id, ifMatch, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
