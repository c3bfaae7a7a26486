using System.Text;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Two things OData 4.01 allows in <c>$filter</c> that ODataUriParser 8.4 does not read, rewritten
/// in the text before it parses: the <c>in</c> operator in any case (<c>IN</c>, <c>In</c>; 4.01 makes
/// operators case-insensitive), and parameter aliases as items of an in-list (<c>Language in (@a)</c>),
/// which are replaced by their values. String literals are never touched.
/// </summary>
public static class FilterText
{
    public static string Normalise(string filter, Func<string, string?> alias)
    {
        var result = new StringBuilder(filter.Length);
        var inList = false;
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c == '\'')
            {
                // A literal runs to the next lone quote; '' is a quote inside it.
                var end = i + 1;
                while (end < filter.Length && !(filter[end] == '\'' && (end + 1 >= filter.Length || filter[end + 1] != '\'')))
                {
                    end += filter[end] == '\'' ? 2 : 1;
                }

                result.Append(filter, i, Math.Min(end + 1, filter.Length) - i);
                i = end;
                continue;
            }

            if (IsWordStart(filter, i) && string.Compare(filter, i, "in", 0, 2, StringComparison.OrdinalIgnoreCase) == 0 && ListFollows(filter, i + 2))
            {
                result.Append("in");
                i++;
                inList = true;
                continue;
            }

            if (inList && c == ')')
            {
                inList = false;
            }

            if (inList && c == '@')
            {
                var end = i + 1;
                while (end < filter.Length && (char.IsLetterOrDigit(filter[end]) || filter[end] == '_'))
                {
                    end++;
                }

                if (alias(filter[i..end]) is { } value)
                {
                    result.Append(value);
                    i = end - 1;
                    continue;
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsWordStart(string text, int i) =>
        i > 0 && char.IsWhiteSpace(text[i - 1]) && i + 2 <= text.Length;

    private static bool ListFollows(string text, int i)
    {
        var start = i;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] == '(';
    }
}
