using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.Taxonomy;

/// <summary>The categories content is filed under.</summary>
public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var categories = routes.MapGroup("/api/v1/categories").WithTags("Categories").RequireAuthorization(Policies.Staff);
        categories.MapGet("/", ListCategories).WithName("ListCategories").WithSummary("Lists categories by slug, paged.").ProducesListProblems();
        categories.MapPost("/", CreateCategory).WithName("CreateCategory").WithSummary("Creates a category.").ProducesCreateProblems().RequireAuthorization(Policies.Admins);
        categories.MapGet("/{id}", GetCategory).WithName("GetCategory").WithSummary("Reads a category.").ProducesReadProblems();
        categories.MapPut("/{id}", UpdateCategory).WithName("UpdateCategory").WithSummary("Replaces a category.").ProducesChangeProblems().RequireAuthorization(Policies.Admins);
        categories.MapDelete("/{id}", DeleteCategory).WithName("DeleteCategory").WithSummary("Deletes a category that no item or sub-category uses.").ProducesChangeProblems().RequireAuthorization(Policies.Admins);
        return routes;
    }

    /// <summary>Lists categories, ordered by slug.</summary>
    public static async Task<Results<Ok<PagedResponse<CategoryResponse>>, ProblemHttpResult>> ListCategories(
        int? page, int? pageSize, CategoryService categories, CancellationToken cancellationToken) =>
        (await categories.ListAsync(page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Creates a category; 409 when the slug is taken.</summary>
    public static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> CreateCategory(
        CategoryRequest request, CategoryService categories, CancellationToken cancellationToken) =>
        (await categories.CreateAsync(request, cancellationToken))
            .ToResult(category => TypedResults.Created($"/api/v1/categories/{category.Id}", CategoryResponse.From(category)));

    /// <summary>Reads a category.</summary>
    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> GetCategory(Guid id, CategoryService categories, CancellationToken cancellationToken) =>
        await categories.FindAsync(id, cancellationToken) is { } category
            ? TypedResults.Ok(CategoryResponse.From(category))
            : Problems.NotFound($"Category {id}");

    /// <summary>Replaces a category's slug, names and parent; a category cannot move below itself.</summary>
    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> UpdateCategory(
        Guid id, CategoryRequest request, CategoryService categories, CancellationToken cancellationToken) =>
        (await categories.UpdateAsync(id, request, cancellationToken)).ToResult(category => TypedResults.Ok(CategoryResponse.From(category)));

    /// <summary>Deletes a category; 409 while items or sub-categories use it.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCategory(Guid id, CategoryService categories, CancellationToken cancellationToken) =>
        (await categories.DeleteAsync(id, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
