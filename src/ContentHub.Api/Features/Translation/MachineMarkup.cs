using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// A segment as the machine sees it: HTML (the API's <c>textType=html</c>) where a pair of codes is
/// a <c>span</c> around its text and a standalone code an empty <c>notranslate</c> span, so nothing a
/// code stands for (a URL, a number, code, a glossary term) is sent. Reading an answer back is
/// strict: any other markup, a code lost or repeated, or spans that do not nest refuse it.
/// </summary>
public static partial class MachineMarkup
{
    public static string ToHtml(TaggedText text)
    {
        var html = new StringBuilder();
        foreach (var run in text.Runs)
        {
            _ = run switch
            {
                Run.Text t => Escape(t.Value, html),
                Run.Open o => html.Append("<span id=\"g").Append(o.Id).Append("\">"),
                Run.Close => html.Append("</span>"),
                Run.Standalone s => html.Append("<span class=\"notranslate\" id=\"x").Append(s.Id).Append("\"></span>"),
                _ => html,
            };
        }

        return html.ToString();
    }

    // Only what HTML needs escaped in text: WebUtility.HtmlEncode would also turn Vietnamese letters
    // into numeric entities, and the province pays for every character sent.
    private static StringBuilder Escape(string text, StringBuilder html)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                _ => html.Append(c),
            };
        }

        return html;
    }

    /// <summary>The answer as a segment with the same codes as <paramref name="source"/>, or null when it does not fit.</summary>
    public static TaggedText? FromHtml(string html, TaggedText source)
    {
        var runs = new List<Run>();
        var open = new Stack<int>();
        var position = 0;
        foreach (Match tag in Tags().Matches(html))
        {
            AddText(html[position..tag.Index], runs);
            position = tag.Index + tag.Length;
            if (tag.Groups["standalone"].Success)
            {
                runs.Add(new Run.Standalone(int.Parse(tag.Groups["standalone"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (tag.Groups["open"].Success)
            {
                var id = int.Parse(tag.Groups["open"].Value, System.Globalization.CultureInfo.InvariantCulture);
                open.Push(id);
                runs.Add(new Run.Open(id));
            }
            else
            {
                if (open.Count == 0)
                {
                    return null;
                }

                runs.Add(new Run.Close(open.Pop()));
            }
        }

        AddText(html[position..], runs);
        var text = new TaggedText(runs);
        var sameCodes = text.CodeIds().Order().SequenceEqual(source.CodeIds().Order());
        return open.Count == 0 && text.IsWellFormed() && sameCodes ? text : null;
    }

    private static void AddText(string html, List<Run> runs)
    {
        if (html.Length == 0)
        {
            return;
        }

        // Markup other than ours means the answer is not what was asked for.
        if (html.Contains('<', StringComparison.Ordinal) || html.Contains('>', StringComparison.Ordinal))
        {
            runs.Add(new Run.Text(string.Empty));
            return;
        }

        var decoded = WebUtility.HtmlDecode(html);
        if (runs.Count > 0 && runs[^1] is Run.Text previous)
        {
            runs[^1] = new Run.Text(previous.Value + decoded);
        }
        else
        {
            runs.Add(new Run.Text(decoded));
        }
    }

    [GeneratedRegex("""<span\s+(?:class="notranslate"\s+id="x(?<standalone>\d{1,6})"|id="x(?<standalone>\d{1,6})"\s+class="notranslate")\s*>\s*</span\s*>|<span\s+id="g(?<open>\d{1,6})"\s*>|</span\s*>""")]
    private static partial Regex Tags();
}
