namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Configuration section <c>Translation</c>. With no <see cref="Endpoint"/> and <see cref="Key"/>
/// there is no machine step: requests for it are recorded as skipped, and nothing fails.
/// </summary>
public sealed class TranslatorOptions
{
    public const string Section = "Translation";

    /// <summary>
    /// The Text API v3 endpoint: <c>https://api.cognitive.microsofttranslator.com</c> (global), a
    /// regional one such as <c>https://api-apc.cognitive.microsofttranslator.com</c>, or a Translator
    /// container on the province's own servers (<c>http://translator.internal:5000</c>).
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key, sent as Ocp-Apim-Subscription-Key; never logged, never returned.</summary>
    public string? Key { get; set; }

    /// <summary>The resource's region (Ocp-Apim-Subscription-Region), needed for regional and multi-service resources.</summary>
    public string? Region { get; set; }

    /// <summary>A Custom Translator category (model) id; null for the general model.</summary>
    public string? Category { get; set; }

    /// <summary>Characters the province pays for per calendar month (UTC), counted once per target language.</summary>
    public long MonthlyCharacterBudget { get; set; } = 2_000_000;

    /// <summary>Languages filled in by machine as soon as an item's source text is approved.</summary>
    public List<string> PrefillLanguages { get; set; } = [];

    /// <summary>How often the worker looks for queued requests.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the background worker runs (tests drive it by hand).</summary>
    public bool WorkerEnabled { get; set; } = true;

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Key);
}
