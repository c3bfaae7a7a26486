using System.Collections.Concurrent;
using ContentHub.Search;

namespace ContentHub.Api.Features.Search;

/// <summary>
/// The "did you mean" vocabularies, one per audience (editors; each portal, from only what it carries,
/// so no portal learns another's words), built from Vietnamese titles and made again when older than
/// <see cref="MaxAge"/>: a new frequent word takes a few minutes to be suggested.
/// </summary>
public sealed class SearchSuggestions(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    // Most titles read per vocabulary: the newest, which is also what readers look for.
    public const int MaxTitles = 5_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset BuiltAt, DiacriticSuggestions Words)> _built = new(StringComparer.Ordinal);

    public async Task<string?> SuggestAsync(string audience, string query, Func<CancellationToken, Task<List<string>>> titles, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_built.TryGetValue(audience, out var built) || now - built.BuiltAt > MaxAge)
        {
            built = (now, new DiacriticSuggestions(await titles(cancellationToken).ConfigureAwait(false)));
            _built[audience] = built;
        }

        return built.Words.Suggest(query);
    }

    /// <summary>Forgets every vocabulary (tests, and after a re-index).</summary>
    public void Clear() => _built.Clear();
}
