using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Workflow;

/// <summary>Workflow steps on an item, and the approval of its languages one by one.</summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder routes)
    {
        var workflow = routes.MapGroup("/api/v1/items/{id}").WithTags("Workflow").RequireAuthorization(Policies.Staff);
        workflow.MapPost("/workflow/{action}", TakeStep).WithName("TakeWorkflowStep")
            .WithSummary("Takes a workflow step: submit, approve, return, sign-off, publish, schedule, unschedule, unpublish, republish, reopen, archive.")
            .ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        workflow.MapPost("/variants/{language}/approve", ApproveLanguage).WithName("ApproveVariant")
            .WithSummary("Approves one language of an approved or published item.").ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        workflow.MapPost("/variants/{language}/sign-off", SignOffLanguage).WithName("SignOffVariant")
            .WithSummary("Signs off one language of a sensitive item (leads).").ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        workflow.MapPost("/variants/{language}/withdraw", WithdrawLanguage).WithName("WithdrawVariant")
            .WithSummary("Takes one language off the portals, leaving the others.").ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>
    /// Takes a step from the workflow table. If-Match carries the item's ETag. A step the state does not
    /// allow is a 409 whose allowedActions lists what is possible; a step the caller's role or unit does
    /// not allow is a 403; approving one's own work is a 403.
    /// </summary>
    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> TakeStep(
        Guid id, string action, [FromHeader(Name = "If-Match")] string? ifMatch, WorkflowService workflow, ItemViews views, HttpContext http, CancellationToken cancellationToken,
        [FromBody] WorkflowRequest? request = null)
    {
        if (!TryParseAction(action, out var step))
        {
            return Problems.Validation("action", "One of: " + string.Join(", ", Enum.GetValues<WorkflowAction>().Select(WorkflowService.Kebab)) + ".");
        }

        var outcome = await workflow.TakeAsync(id, step, request ?? new WorkflowRequest(), ifMatch, cancellationToken);
        if (outcome is not Outcome<ContentItem>.Done { Value: var item })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, item.Version);
        return TypedResults.Ok(await views.ItemAsync(item, cancellationToken));
    }

    /// <summary>Approves one language as it stands (reviewers of the unit). If-Match carries the variant's ETag.</summary>
    public static Task<Results<Ok<VariantResponse>, ProblemHttpResult>> ApproveLanguage(
        Guid id, string language, [FromHeader(Name = "If-Match")] string? ifMatch, VariantApprovals approvals, ItemViews views, HttpContext http, CancellationToken cancellationToken) =>
        TakeAsync(id, language, VariantApprovals.VariantStep.Approve, ifMatch, approvals, views, http, cancellationToken);

    /// <summary>Signs off one approved language of a sensitive item (leads). If-Match carries the variant's ETag.</summary>
    public static Task<Results<Ok<VariantResponse>, ProblemHttpResult>> SignOffLanguage(
        Guid id, string language, [FromHeader(Name = "If-Match")] string? ifMatch, VariantApprovals approvals, ItemViews views, HttpContext http, CancellationToken cancellationToken) =>
        TakeAsync(id, language, VariantApprovals.VariantStep.SignOff, ifMatch, approvals, views, http, cancellationToken);

    /// <summary>Withdraws one language from the portals; approving it again brings it back. If-Match carries the variant's ETag.</summary>
    public static Task<Results<Ok<VariantResponse>, ProblemHttpResult>> WithdrawLanguage(
        Guid id, string language, [FromHeader(Name = "If-Match")] string? ifMatch, VariantApprovals approvals, ItemViews views, HttpContext http, CancellationToken cancellationToken) =>
        TakeAsync(id, language, VariantApprovals.VariantStep.Withdraw, ifMatch, approvals, views, http, cancellationToken);

    private static async Task<Results<Ok<VariantResponse>, ProblemHttpResult>> TakeAsync(
        Guid id, string language, VariantApprovals.VariantStep step, string? ifMatch, VariantApprovals approvals, ItemViews views, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await approvals.TakeAsync(id, language, step, ifMatch, cancellationToken);
        if (outcome is not Outcome<ItemVariant>.Done { Value: var (item, variant) })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, variant.Version);
        return TypedResults.Ok(await views.VariantAsync(item, variant, cancellationToken));
    }

    // Accepts the kebab-case name in routes ("sign-off") and the name the item's allowedActions use ("SignOff").
    private static bool TryParseAction(string value, out WorkflowAction action)
    {
        action = Enum.GetValues<WorkflowAction>().FirstOrDefault(a =>
            string.Equals(WorkflowService.Kebab(a), value, StringComparison.OrdinalIgnoreCase) || string.Equals(a.ToString(), value, StringComparison.OrdinalIgnoreCase));
        return string.Equals(WorkflowService.Kebab(action), value, StringComparison.OrdinalIgnoreCase) || string.Equals(action.ToString(), value, StringComparison.OrdinalIgnoreCase);
    }
}
