namespace ContentHub.Api.Features.Translation;

/// <summary>Machine drafts for one item; languages default to every non-source language the caller may write.</summary>
public sealed record MachineDraftRequest(IReadOnlyList<string>? Languages = null);

/// <summary>Machine drafts for several items at once (at most 1,000).</summary>
public sealed record MachineBatchRequest(IReadOnlyList<Guid> Items, IReadOnlyList<string>? Languages = null);

/// <summary>Sends a translation to review; <see cref="AcceptWarnings"/> gives the reason its checks' warnings are accepted.</summary>
public sealed record SubmitTranslationRequest(string? AcceptWarnings = null);

/// <summary>Sends a translation back to its translator, saying why.</summary>
public sealed record ReturnTranslationRequest(string? Comment);

/// <summary>How urgent an item's translations are (Low, Normal, High, Urgent) and when they are due (a date).</summary>
public sealed record TranslationPlanRequest(string? Priority, string? DueOn);
