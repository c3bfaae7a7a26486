using ContentHub.Api.Http;
using ContentHub.Search;

namespace ContentHub.Api.Features.Search;

/// <summary>Reads the search text and page of a search request, reporting what is wrong against its field.</summary>
public static class SearchInput
{
    public const int MaxQueryLength = 500;

    /// <summary>Matches are counted up to this many; beyond, the total says "at least" (see <see cref="SearchPage{T}"/>).</summary>
    public const int MaxCounted = 1_000;

    /// <summary>The newest matches that are ranked: ranking reads each match's index, which a word in most texts makes too many.</summary>
    public const int MaxRanked = 300;

    /// <summary>Where a hit's snippet is looked for: its lead and the start of its body (enough for a passage, bounded for long texts).</summary>
    public static string SnippetSource(string? summary, string bodyHtml)
    {
        var text = $"{summary} {Domain.Text.SearchText.PlainText(bodyHtml)}".Trim();
        return text.Length <= MaxSnippetSource ? text : text[..MaxSnippetSource];
    }

    private const int MaxSnippetSource = 10_000;

    public static SearchTerms? Parse(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Say what to look for.");
            return null;
        }

        if (text.Length > MaxQueryLength)
        {
            errors.Add(field, $"At most {MaxQueryLength} characters.");
            return null;
        }

        try
        {
            var terms = SearchTerms.Parse(text);
            errors.Require(!terms.IsEmpty, field, "Nothing in it can be looked for: it holds only words too common to search for.");
            return terms;
        }
        catch (SearchSyntaxException exception)
        {
            errors.Add(field, exception.Message);
            return null;
        }
    }

    public const int MaxPageSize = 50;

    /// <summary>Pages go as deep as the matches that are ranked: a search is refined, not read to the end.</summary>
    public static (int Page, int Size) Page(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var s = pageSize ?? PageRequest.DefaultSize;
        errors.Require(s is >= 1 and <= MaxPageSize, "pageSize", $"From 1 to {MaxPageSize}.");
        errors.Require(p >= 1 && (long)p * Math.Clamp(s, 1, MaxPageSize) <= MaxRanked, "page", $"From 1, and at most {MaxRanked} hits deep: refine the search to see further.");
        return (p, s);
    }
}
