namespace ContentHub.Api.Features.Workflow;

/// <summary>What some workflow steps need besides the step itself.</summary>
/// <param name="Reason">Why: required to return an item to its author.</param>
/// <param name="Languages">For approve and sign-off: the languages covered (default: every variant). The source language is always needed.</param>
/// <param name="PublishAt">For schedule: when to publish, with an offset (2026-12-01T08:00:00+07:00 or …Z).</param>
/// <param name="UnpublishAt">For schedule and publish: when to take the item down again, with an offset.</param>
public sealed record WorkflowRequest(string? Reason = null, IReadOnlyList<string>? Languages = null, string? PublishAt = null, string? UnpublishAt = null);
