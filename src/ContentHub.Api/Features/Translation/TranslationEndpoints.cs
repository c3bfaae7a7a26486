using ContentHub.Api.Http;
using ContentHub.Domain.Translation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Translation;

/// <summary>Translation states, machine drafts, review steps, the work queue and the budget.</summary>
public static class TranslationEndpoints
{
    public static IEndpointRouteBuilder MapTranslationEndpoints(this IEndpointRouteBuilder routes)
    {
        var item = routes.MapGroup("/api/v1/items/{id}/translations").WithTags("Translation").RequireAuthorization(Policies.Staff);
        item.MapGet("/", GetStates).WithName("GetTranslations").WithSummary("Each language's translation state and provenance.").ProducesReadProblems();
        item.MapPost("/machine", RequestMachine).WithName("RequestMachineTranslation")
            .WithSummary("Queues machine drafts of the item's languages (202; the job says how it went).").ProducesChangeProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        item.MapPut("/plan", Plan).WithName("PlanTranslations").WithSummary("Sets the translations' priority and due date (editors; If-Match: the item's ETag).")
            .ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        item.MapGet("/{language}/review", Review).WithName("ReviewTranslation")
            .WithSummary("Source and translation side by side: segments, their states, findings, memory matches, glossary hits and the source's changes.")
            .ProducesReadProblems();
        item.MapPost("/{language}/submit", Submit).WithName("SubmitTranslation")
            .WithSummary("Sends a translation to review once its quality checks pass (If-Match: the variant's ETag).")
            .ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        item.MapPut("/{language}/subtitles", WriteCues).WithName("WriteTranslatedCues")
            .WithSummary("Replaces cues of the language's translated subtitle track, segment by segment; timings come from the source's track (If-Match: the variant's ETag).")
            .ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        item.MapPost("/{language}/return", Return).WithName("ReturnTranslation")
            .WithSummary("Sends a translation in review back to its translator with a comment (reviewers; If-Match: the variant's ETag).")
            .ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);

        var translation = routes.MapGroup("/api/v1/translation").WithTags("Translation").RequireAuthorization(Policies.Staff);
        translation.MapPost("/jobs", RequestBatch).WithName("RequestMachineTranslationBatch")
            .WithSummary("Queues machine drafts for up to 1,000 items.").ProducesChangeProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        translation.MapGet("/jobs/{jobId}", GetJob).WithName("GetTranslationJob").WithSummary("A machine-translation job and what it cost.").ProducesReadProblems();
        translation.MapGet("/queue", Worklist).WithName("GetTranslationQueue")
            .WithSummary("The caller's work queue: languages that need a translator, most urgent first.").ProducesListProblems();
        translation.MapGet("/usage", Usage).WithName("GetTranslationUsage").WithSummary("This month's machine-translation characters against the budget (admins).")
            .RequireAuthorization(Policies.Admins);
        return routes;
    }

    public static async Task<Results<Ok<ItemTranslationsResponse>, ProblemHttpResult>> GetStates(Guid id, TranslationService service, CancellationToken cancellationToken) =>
        (await service.GetAsync(id, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>Queues a job; with no provider configured it is recorded as skipped and says so.</summary>
    public static async Task<Results<Accepted<TranslationJobResponse>, ProblemHttpResult>> RequestMachine(
        Guid id, TranslationService service, CancellationToken cancellationToken, [FromBody] MachineDraftRequest? request = null) =>
        (await service.RequestMachineAsync(id, request ?? new MachineDraftRequest(), cancellationToken))
        .ToResult(job => TypedResults.Accepted($"/api/v1/translation/jobs/{job.Id}", TranslationJobResponse.Of(job)));

    public static async Task<Results<Accepted<IReadOnlyList<TranslationJobResponse>>, ProblemHttpResult>> RequestBatch(
        MachineBatchRequest request, TranslationService service, CancellationToken cancellationToken) =>
        (await service.RequestBatchAsync(request, cancellationToken))
        .ToResult(jobs => TypedResults.Accepted((string?)null, (IReadOnlyList<TranslationJobResponse>)jobs.Select(TranslationJobResponse.Of).ToList()));

    public static async Task<Results<Ok<TranslationJobResponse>, ProblemHttpResult>> GetJob(long jobId, TranslationService service, CancellationToken cancellationToken) =>
        await service.FindJobAsync(jobId, cancellationToken) is { } job ? TypedResults.Ok(TranslationJobResponse.Of(job)) : Problems.NotFound($"Translation job {jobId}");

    public static async Task<Results<Ok<ItemTranslationsResponse>, ProblemHttpResult>> Plan(
        Guid id, TranslationPlanRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, TranslationService service, CancellationToken cancellationToken) =>
        (await service.PlanAsync(id, request, ifMatch, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<TranslationReviewResponse>, ProblemHttpResult>> Review(
        Guid id, string language, TranslationReview review, CancellationToken cancellationToken) =>
        (await review.GetAsync(id, language, cancellationToken)).ToResult(TypedResults.Ok);

    /// <summary>422 lists each finding of the checks when one is an error, or when warnings were not accepted with a reason.</summary>
    public static async Task<Results<Ok<ItemTranslationsResponse>, ProblemHttpResult>> Submit(
        Guid id, string language, [FromHeader(Name = "If-Match")] string? ifMatch, TranslationService service, CancellationToken cancellationToken,
        [FromBody] SubmitTranslationRequest? request = null)
    {
        var (outcome, findings) = await service.SubmitAsync(id, language, request ?? new SubmitTranslationRequest(), ifMatch, cancellationToken);
        return findings.Count > 0 ? ChecksFailed(findings) : outcome.ToResult(TypedResults.Ok);
    }

    public static async Task<Results<Ok<ItemTranslationsResponse>, ProblemHttpResult>> WriteCues(
        Guid id, string language, TranslatedCuesRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, TranslatedCues cues, CancellationToken cancellationToken) =>
        (await cues.WriteAsync(id, language, request, ifMatch, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<ItemTranslationsResponse>, ProblemHttpResult>> Return(
        Guid id, string language, ReturnTranslationRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, TranslationService service, CancellationToken cancellationToken) =>
        (await service.ReturnAsync(id, language, request, ifMatch, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<PagedResponse<WorkQueueEntry>>, ProblemHttpResult>> Worklist(
        TranslatorWorklist worklist, CancellationToken cancellationToken, string? language = null, string? state = null, int? page = null, int? pageSize = null) =>
        (await worklist.ListAsync(language, state, page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Ok<TranslationUsageResponse>> Usage(TranslationService service, IServiceProvider services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UsageAsync(services.GetService<IMachineTranslator>(), cancellationToken));

    private static ProblemHttpResult ChecksFailed(IReadOnlyList<Finding> findings)
    {
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Quality checks failed",
            detail: errors > 0
                ? $"{errors} of the {findings.Count} findings are errors; correct them before review."
                : $"{findings.Count} warnings: correct them, or accept them with a reason in acceptWarnings.",
            type: ProblemTypes.QualityChecks,
            extensions: new Dictionary<string, object?> { ["findings"] = findings.Select(f => new { f.Segment, f.Check, Severity = f.Severity.ToString(), f.Message }).ToList() });
    }
}
