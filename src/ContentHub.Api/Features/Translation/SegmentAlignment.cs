using ContentHub.Domain.Translation;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Pairs a translation's segments with its source's, for translation memory and review. Two texts
/// align when they have the same segments (ids) and every code of a target segment stands for the
/// same Markdown as a code of its source segment; the target's codes are then renumbered as the
/// source's, so a pair reads the same way wherever it is reused.
/// </summary>
public static class SegmentAlignment
{
    /// <summary>Aligned pairs by segment id; a segment whose codes do not correspond is left out.</summary>
    public static IReadOnlyList<(Segment Source, TaggedText Target)> Align(IReadOnlyList<Segment> source, IReadOnlyList<Segment> target)
    {
        var pairs = new List<(Segment, TaggedText)>();
        var targets = target.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var segment in source)
        {
            if (targets.TryGetValue(segment.Id, out var translated) && Renumber(translated, segment) is { } aligned)
            {
                pairs.Add((segment, aligned));
            }
        }

        return pairs;
    }

    /// <summary>True when the two texts have the same segments, so that one can be read against the other.</summary>
    public static bool SameShape(IReadOnlyList<Segment> source, IReadOnlyList<Segment> target) =>
        source.Select(s => s.Id).SequenceEqual(target.Select(s => s.Id), StringComparer.Ordinal);

    /// <summary>The target with its codes numbered as the source's, or null when they do not correspond.</summary>
    public static TaggedText? Renumber(Segment target, Segment source)
    {
        var map = new Dictionary<int, int>();
        var used = new HashSet<int>();
        foreach (var code in target.Codes)
        {
            var match = source.Codes.FirstOrDefault(c => !used.Contains(c.Id) && c.Kind == code.Kind && c.Before == code.Before && c.After == code.After);
            if (match is null)
            {
                return null;
            }

            used.Add(match.Id);
            map[code.Id] = match.Id;
        }

        var runs = target.Text.Runs.Select(run => run switch
        {
            Run.Open o => new Run.Open(map[o.Id]),
            Run.Close c => new Run.Close(map[c.Id]),
            Run.Standalone s => new Run.Standalone(map[s.Id]),
            _ => run,
        }).ToList();
        var renumbered = new TaggedText(runs);
        return renumbered.IsWellFormed() ? renumbered : null;
    }
}
