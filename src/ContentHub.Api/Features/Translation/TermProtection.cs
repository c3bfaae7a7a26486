using ContentHub.Api.Features.Glossary;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Makes machine output use the glossary for every language pair, not only those with English (the
/// only ones Azure's dynamic dictionary serves): each glossary term in a segment's text goes to the
/// machine as a protected placeholder, and each language's required term is put in its place in the
/// answer. A term is protected only when every language of the request has it in its glossary; the
/// others are left to the machine and to the checks.
/// </summary>
public sealed class TermProtection
{
    private readonly Dictionary<int, string> _terms = [];

    private TermProtection(TaggedText text) => Text = text;

    /// <summary>The segment as sent: its text with placeholders for the terms.</summary>
    public TaggedText Text { get; }

    public static TermProtection Of(Segment segment, IReadOnlyList<GlossaryTerm> protectable)
    {
        var next = segment.Codes.Count == 0 ? 1 : segment.Codes.Max(c => c.Id) + 1;
        var runs = new List<Run>();
        var found = new Dictionary<int, string>();
        foreach (var run in segment.Text.Runs)
        {
            if (run is not Run.Text text)
            {
                runs.Add(run);
                continue;
            }

            var position = 0;
            foreach (var hit in GlossaryMatcher.Find(text.Value, protectable))
            {
                if (hit.Start > position)
                {
                    runs.Add(new Run.Text(text.Value[position..hit.Start]));
                }

                found[next] = hit.Term.SourceKey;
                runs.Add(new Run.Standalone(next++));
                position = hit.Start + hit.Length;
            }

            if (position < text.Value.Length)
            {
                runs.Add(new Run.Text(text.Value[position..]));
            }
        }

        var protection = new TermProtection(new TaggedText(runs));
        foreach (var (id, key) in found)
        {
            protection._terms[id] = key;
        }

        return protection;
    }

    /// <summary>The answer with each placeholder replaced by the language's required term.</summary>
    public TaggedText Restore(TaggedText answer, IReadOnlyDictionary<string, GlossaryTerm> glossary)
    {
        var runs = new List<Run>();
        foreach (var run in answer.Runs)
        {
            var piece = run is Run.Standalone s && _terms.TryGetValue(s.Id, out var key) ? new Run.Text(glossary[key].Target) : run;
            if (piece is Run.Text t && runs.Count > 0 && runs[^1] is Run.Text previous)
            {
                runs[^1] = new Run.Text(previous.Value + t.Value);
            }
            else
            {
                runs.Add(piece);
            }
        }

        return new TaggedText(runs);
    }
}
