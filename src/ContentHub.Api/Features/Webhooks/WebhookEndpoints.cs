using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>Webhook subscriptions of a portal (admins).</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var hooks = routes.MapGroup("/api/v1/portals/{id}/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admins);
        hooks.MapGet("/", List).WithName("ListWebhooks").WithSummary("The portal's subscriptions, with why one is disabled.").ProducesReadProblems();
        hooks.MapPost("/", Create).WithName("CreateWebhook").WithSummary("Subscribes a URL; the signing secret is shown once.").ProducesCreateProblems().ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapDelete("/{subscriptionId}", Delete).WithName("DeleteWebhook").WithSummary("Removes a subscription and its log.").ProducesReadProblems();
        hooks.MapPost("/{subscriptionId}/rotate-secret", Rotate).WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret (shown once); the old one keeps signing for the overlap.").ProducesReadProblems();
        hooks.MapPost("/{subscriptionId}/enable", Enable).WithName("EnableWebhook").WithSummary("Enables a subscription disabled after failing.").ProducesReadProblems();
        hooks.MapGet("/{subscriptionId}/deliveries", Deliveries).WithName("ListWebhookDeliveries").WithSummary("The delivery log, newest first.").ProducesReadProblems();
        hooks.MapPost("/{subscriptionId}/deliveries/redeliver", Redeliver).WithName("RedeliverWebhooks")
            .WithSummary("Sends a range of deliveries again (same message ids).").ProducesChangeProblems();
        return routes;
    }

    public static async Task<Ok<List<WebhookResponse>>> List(Guid id, WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok((await webhooks.ListAsync(id, cancellationToken)).ConvertAll(WebhookResponse.Of));

    public static async Task<Results<Created<WebhookCreatedResponse>, ProblemHttpResult>> Create(Guid id, WebhookRequest request, WebhookService webhooks, CancellationToken cancellationToken) =>
        (await webhooks.CreateAsync(id, request, cancellationToken)).ToResult(created => TypedResults.Created($"/api/v1/portals/{id}/webhooks/{created.Subscription.Id}", created));

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, Guid subscriptionId, WebhookService webhooks, CancellationToken cancellationToken) =>
        (await webhooks.DeleteAsync(id, subscriptionId, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    public static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> Rotate(Guid id, Guid subscriptionId, WebhookService webhooks, CancellationToken cancellationToken) =>
        (await webhooks.RotateAsync(id, subscriptionId, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Enable(Guid id, Guid subscriptionId, WebhookService webhooks, CancellationToken cancellationToken) =>
        (await webhooks.EnableAsync(id, subscriptionId, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<PagedResponse<DeliveryResponse>>, ProblemHttpResult>> Deliveries(
        Guid id, Guid subscriptionId, WebhookService webhooks, CancellationToken cancellationToken, int? page = null, int? pageSize = null) =>
        (await webhooks.DeliveriesAsync(id, subscriptionId, page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Ok<int>, ProblemHttpResult>> Redeliver(Guid id, Guid subscriptionId, RedeliverRequest request, WebhookService webhooks, CancellationToken cancellationToken) =>
        (await webhooks.RedeliverAsync(id, subscriptionId, request, cancellationToken)).ToResult(TypedResults.Ok);
}
