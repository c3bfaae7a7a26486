using ContentHub.Domain.Languages;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// The seam to a machine-translation provider: texts in one language to several, in one call as far
/// as the provider allows. Texts are HTML in which <c>&lt;span id="gN"&gt;</c> wraps translatable
/// inline text and <c>&lt;span class="notranslate" id="xN"&gt;&lt;/span&gt;</c> marks what must come
/// back untouched (see <see cref="MachineMarkup"/>). The official Azure SDK can replace
/// <see cref="AzureTranslator"/> behind it.
/// </summary>
public interface IMachineTranslator
{
    /// <summary>Who translates, as provenance records it (for example <c>azure-translator/general</c>).</summary>
    string Provider { get; }

    /// <summary>For each text, its translation into each language of <paramref name="targets"/>.</summary>
    /// <exception cref="MachineTranslationException">The provider failed, or answered something that does not fit the request.</exception>
    Task<MachineAnswer> TranslateAsync(
        LanguageTag source, IReadOnlyList<LanguageTag> targets, IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>What the provider answered, and what it cost.</summary>
/// <param name="Texts">For each text asked for, its translation by language.</param>
/// <param name="Requests">Requests sent (retries not counted).</param>
/// <param name="Characters">Characters billed: each text's length once per target language.</param>
public sealed record MachineAnswer(IReadOnlyList<IReadOnlyDictionary<LanguageTag, string>> Texts, int Requests, long Characters);

/// <summary>A machine translation that failed or was refused; nothing of it is stored.</summary>
/// <param name="message">What failed, for the job's record.</param>
/// <param name="mayPass">True when trying again later may succeed (the provider unreachable, throttled or failing).</param>
/// <param name="inner">The underlying failure.</param>
public sealed class MachineTranslationException(string message, bool mayPass, Exception? inner = null) : Exception(message, inner)
{
    public bool MayPass { get; } = mayPass;
}
