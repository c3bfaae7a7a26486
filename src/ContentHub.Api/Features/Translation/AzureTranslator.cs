using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ContentHub.Domain.Languages;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Azure AI Translator, Text API v3 (<c>POST /translate?api-version=3.0</c>), on an HttpClient whose
/// resilience handler retries 429 and 5xx with back-off, honouring Retry-After. One request carries
/// every target language; texts are split into requests within the service's limits: 1,000
/// elements, and 50,000 characters counted once per target language. An answer that does not fit its
/// request (another number of elements, a language not asked for, a text far longer than its source)
/// is refused whole.
/// </summary>
public sealed partial class AzureTranslator(HttpClient http, IOptions<TranslatorOptions> options, ILogger<AzureTranslator> logger) : IMachineTranslator
{
    public const int MaxElements = 1000;
    public const int MaxCharacters = 50_000;

    public string Provider => "azure-translator/" + (options.Value.Category ?? "general");

    public async Task<MachineAnswer> TranslateAsync(
        LanguageTag source, IReadOnlyList<LanguageTag> targets, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        // Normally one group of every target; a block too long to go into all of them at once is sent to fewer per request.
        var longest = texts.Count == 0 ? 1 : Math.Max(1, texts.Max(t => t.Length));
        var perRequest = (int)Math.Clamp(MaxCharacters / longest, 1, Math.Max(1, targets.Count));
        var results = texts.Select(_ => new Dictionary<LanguageTag, string>()).ToList();
        var requests = 0;
        foreach (var group in targets.Chunk(perRequest))
        {
            var position = 0;
            foreach (var batch in Batches(texts, group.Length))
            {
                var answers = await SendAsync(source, group, batch, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < answers.Count; i++)
                {
                    foreach (var (language, text) in answers[i])
                    {
                        results[position + i][language] = text;
                    }
                }

                position += batch.Count;
                requests++;
            }
        }

        return new MachineAnswer(results, requests, texts.Sum(t => (long)t.Length) * targets.Count);
    }

    /// <summary>Consecutive runs of texts that each fit one request.</summary>
    public static IEnumerable<IReadOnlyList<string>> Batches(IReadOnlyList<string> texts, int targetCount)
    {
        var batch = new List<string>();
        var characters = 0L;
        foreach (var text in texts)
        {
            var cost = (long)text.Length * targetCount;
            if (cost > MaxCharacters)
            {
                throw new MachineTranslationException($"A segment of {text.Length} characters into {targetCount} languages exceeds the {MaxCharacters:N0} characters of one request.", mayPass: false);
            }

            if (batch.Count == MaxElements || characters + cost > MaxCharacters)
            {
                yield return batch;
                batch = [];
                characters = 0;
            }

            batch.Add(text);
            characters += cost;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<List<IReadOnlyDictionary<LanguageTag, string>>> SendAsync(
        LanguageTag from, IReadOnlyList<LanguageTag> to, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = "translate?api-version=3.0&from=" + Uri.EscapeDataString(from.Code) + "&textType=html"
            + string.Concat(to.Select(l => "&to=" + Uri.EscapeDataString(l.Code)))
            + (settings.Category is { } category ? "&category=" + Uri.EscapeDataString(category) : string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.Endpoint!.ToString().TrimEnd('/') + "/"), query))
        {
            Content = JsonContent.Create(texts.Select(t => new Element(t)).ToList()),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);
        if (!string.IsNullOrWhiteSpace(settings.Region))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Region", settings.Region);
        }

        var traceId = Guid.NewGuid().ToString();
        request.Headers.Add("X-ClientTraceId", traceId);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MachineTranslationException("The translator could not be reached.", mayPass: true, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                LogFailure(logger, (int)response.StatusCode, error, traceId);
                // Throttling and server errors are retried by the resilience handler first; what remains may pass later.
                var mayPass = (int)response.StatusCode is 408 or 429 or >= 500;
                throw new MachineTranslationException($"The translator answered {(int)response.StatusCode}: {error}", mayPass);
            }

            List<Answer>? answers;
            try
            {
                answers = await response.Content.ReadFromJsonAsync<List<Answer>>(cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException exception)
            {
                throw Refused(traceId, "its body is not the documented JSON", exception);
            }

            return Check(answers, to, texts, traceId);
        }
    }

    private List<IReadOnlyDictionary<LanguageTag, string>> Check(List<Answer>? answers, IReadOnlyList<LanguageTag> to, IReadOnlyList<string> texts, string traceId)
    {
        if (answers is null || answers.Count != texts.Count)
        {
            throw Refused(traceId, $"{answers?.Count ?? 0} results for {texts.Count} texts");
        }

        var results = new List<IReadOnlyDictionary<LanguageTag, string>>(texts.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var byLanguage = new Dictionary<LanguageTag, string>();
            foreach (var translation in answers[i].Translations ?? [])
            {
                if (translation.To is null || !LanguageTag.TryParse(translation.To, out var language) || !to.Contains(language) || translation.Text is null)
                {
                    throw Refused(traceId, $"result {i} has a translation into '{translation.To}', which was not asked for");
                }

                if (translation.Text.Length > (texts[i].Length * 4) + 200)
                {
                    throw Refused(traceId, $"result {i} into {language} is {translation.Text.Length} characters for {texts[i].Length}");
                }

                byLanguage[language] = translation.Text;
            }

            if (byLanguage.Count != to.Count)
            {
                throw Refused(traceId, $"result {i} has {byLanguage.Count} of the {to.Count} languages asked for");
            }

            results.Add(byLanguage);
        }

        return results;
    }

    private MachineTranslationException Refused(string traceId, string why, Exception? inner = null)
    {
        LogRefused(logger, why, traceId);
        return new MachineTranslationException($"The translator's answer was refused: {why}.", mayPass: false, inner);
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorBody>(cancellationToken).ConfigureAwait(false);
            return body?.Error is { } error ? $"{error.Code} {error.Message}" : "no error body";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            return "an error body that is not JSON";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translator answered {Status}: {Error} (X-ClientTraceId {TraceId})")]
    private static partial void LogFailure(ILogger logger, int status, string error, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Translator answer refused, nothing stored: {Why} (X-ClientTraceId {TraceId})")]
    private static partial void LogRefused(ILogger logger, string why, string traceId);

    private sealed record Element([property: JsonPropertyName("Text")] string Text);

    private sealed record Answer([property: JsonPropertyName("translations")] List<Translated>? Translations);

    private sealed record Translated([property: JsonPropertyName("to")] string? To, [property: JsonPropertyName("text")] string? Text);

    private sealed record ErrorBody([property: JsonPropertyName("error")] ErrorDetail? Error);

    private sealed record ErrorDetail([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("message")] string? Message);
}
