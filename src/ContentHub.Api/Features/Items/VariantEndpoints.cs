using ContentHub.Api.Features.Content;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Items;

/// <summary>The editorial API for one language variant of an item.</summary>
public static class VariantEndpoints
{
    public static IEndpointRouteBuilder MapVariantEndpoints(this IEndpointRouteBuilder routes)
    {
        var variants = routes.MapGroup("/api/v1/items/{id}/variants").WithTags("Variants").RequireAuthorization(Policies.Staff);
        variants.MapGet("/{language}", GetVariant).WithName("GetVariant").WithSummary("Reads one language variant.").ProducesReadProblems();
        variants.MapPut("/{language}", PutVariant).WithName("PutVariant").WithSummary("Creates a language variant, or replaces it (If-Match required).")
            .ProducesGuardedProblems().RequireAuthorization(Policies.Writers);
        variants.MapDelete("/{language}", DeleteVariant).WithName("DeleteVariant").WithSummary("Deletes a language variant of a draft (If-Match required).")
            .ProducesGuardedProblems().RequireAuthorization(Policies.Writers);
        return routes;
    }

    /// <summary>Reads a variant. The language is a BCP 47 tag (vi, en, zh-Hans, ko, ja, lo; aliases such as zh-CN are accepted).</summary>
    public static async Task<Results<Ok<VariantResponse>, ProblemHttpResult>> GetVariant(
        Guid id, string language, ItemStore store, ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        if (!LanguageTag.TryParse(language, out var tag))
        {
            return Problems.Validation("language", $"'{language}' is not a supported language. Supported: {LanguageTag.SupportedList}.");
        }

        var item = await store.FindAsync(id, cancellationToken);
        if (item?.FindVariant(tag) is not { } variant)
        {
            return Problems.NotFound($"The {tag} variant of item {id}");
        }

        ETags.Set(http.Response, variant.Version);
        return TypedResults.Ok(await views.VariantAsync(item, variant, cancellationToken));
    }

    /// <summary>
    /// Creates the variant (201) or replaces it (200). Replacing needs the variant's ETag in If-Match:
    /// 428 without it, 412 when someone saved the variant since it was read. A slug used by another
    /// item of the same kind and language is refused with 409. Editors of the owning unit write every
    /// language; translators write the languages assigned to them, except the source language.
    /// </summary>
    public static async Task<Results<Created<VariantResponse>, Ok<VariantResponse>, ProblemHttpResult>> PutVariant(
        Guid id, string language, VariantRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService service, ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await service.PutVariantAsync(id, language, request, ifMatch, Actor.Of(http.User), cancellationToken);
        if (outcome is not Outcome<VariantWritten>.Done { Value: var (item, variant, created) })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, variant.Version);
        var body = await views.VariantAsync(item, variant, cancellationToken);
        return created
            ? TypedResults.Created($"/api/v1/items/{variant.ItemId}/variants/{variant.Language.Code}", body)
            : TypedResults.Ok(body);
    }

    /// <summary>Deletes a variant of a draft. The source-language variant cannot be deleted (409).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteVariant(
        Guid id, string language, [FromHeader(Name = "If-Match")] string? ifMatch, ItemService service, CancellationToken cancellationToken) =>
        (await service.DeleteVariantAsync(id, language, ifMatch, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
