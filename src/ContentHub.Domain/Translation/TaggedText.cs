using System.Text;

namespace ContentHub.Domain.Translation;

/// <summary>
/// The text of one segment with its inline markup as numbered codes, the way CAT tools see it:
/// a pair of codes around translatable text (a link, emphasis) or a standalone code for what is
/// never translated (inline code, a URL, a number, a line break). The codes' Markdown stays with
/// the segment (<see cref="InlineCode"/>); translators and machines see only their numbers.
/// </summary>
public sealed class TaggedText : IEquatable<TaggedText>
{
    public TaggedText(IReadOnlyList<Run> runs) => Runs = runs;

    public IReadOnlyList<Run> Runs { get; }

    /// <summary>The text alone, without codes.</summary>
    public string PlainText => string.Concat(Runs.OfType<Run.Text>().Select(t => t.Value));

    /// <summary>
    /// One string that says everything (text and codes), for translation memory and comparisons:
    /// <c>{1}</c> opens code 1, <c>{/1}</c> closes it, <c>{1/}</c> is standalone; braces in text are doubled.
    /// </summary>
    public string Canonical
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var run in Runs)
            {
                _ = run switch
                {
                    Run.Text t => builder.Append(t.Value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)),
                    Run.Open o => builder.Append('{').Append(o.Id).Append('}'),
                    Run.Close c => builder.Append("{/").Append(c.Id).Append('}'),
                    Run.Standalone s => builder.Append('{').Append(s.Id).Append("/}"),
                    _ => builder,
                };
            }

            return builder.ToString();
        }
    }

    /// <summary>Reads <see cref="Canonical"/> back; null when it is not well formed.</summary>
    public static TaggedText? FromCanonical(string canonical)
    {
        var runs = new List<Run>();
        var text = new StringBuilder();
        for (var i = 0; i < canonical.Length; i++)
        {
            var c = canonical[i];
            if ((c == '{' || c == '}') && i + 1 < canonical.Length && canonical[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                return null;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            var end = canonical.IndexOf('}', i);
            if (end < 0 || ParseCode(canonical[(i + 1)..end]) is not { } code)
            {
                return null;
            }

            Flush(text, runs);
            runs.Add(code);
            i = end;
        }

        Flush(text, runs);
        return new TaggedText(runs).IsWellFormed() ? new TaggedText(runs) : null;
    }

    /// <summary>Codes nest, each id appears once (a pair once as open and close), text runs are not empty.</summary>
    public bool IsWellFormed()
    {
        var open = new Stack<int>();
        var seen = new HashSet<int>();
        foreach (var run in Runs)
        {
            switch (run)
            {
                case Run.Text t when t.Value.Length == 0:
                    return false;
                case Run.Open o:
                    if (!seen.Add(o.Id))
                    {
                        return false;
                    }

                    open.Push(o.Id);
                    break;
                case Run.Close c:
                    if (open.Count == 0 || open.Pop() != c.Id)
                    {
                        return false;
                    }

                    break;
                case Run.Standalone s:
                    if (!seen.Add(s.Id))
                    {
                        return false;
                    }

                    break;
            }
        }

        return open.Count == 0;
    }

    /// <summary>The codes used, in order of appearance, each once (a pair by its opening).</summary>
    public IEnumerable<int> CodeIds() => Runs.Select(r => r switch { Run.Open o => o.Id, Run.Standalone s => s.Id, _ => -1 }).Where(id => id >= 0);

    public bool Equals(TaggedText? other) => other is not null && Canonical == other.Canonical;

    public override bool Equals(object? obj) => Equals(obj as TaggedText);

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Canonical;

    private static Run? ParseCode(string inside)
    {
        if (inside.StartsWith('/') && int.TryParse(inside.AsSpan(1), out var closing) && closing >= 0)
        {
            return new Run.Close(closing);
        }

        if (inside.EndsWith('/') && int.TryParse(inside.AsSpan(0, inside.Length - 1), out var standalone) && standalone >= 0)
        {
            return new Run.Standalone(standalone);
        }

        return int.TryParse(inside, out var opening) && opening >= 0 && inside.All(char.IsAsciiDigit) ? new Run.Open(opening) : null;
    }

    private static void Flush(StringBuilder text, List<Run> runs)
    {
        if (text.Length > 0)
        {
            runs.Add(new Run.Text(text.ToString()));
            text.Clear();
        }
    }
}

/// <summary>One piece of a <see cref="TaggedText"/>.</summary>
public abstract record Run
{
    private Run()
    {
    }

    public sealed record Text(string Value) : Run;

    public sealed record Open(int Id) : Run;

    public sealed record Close(int Id) : Run;

    public sealed record Standalone(int Id) : Run;
}
