namespace ContentHub.Domain.Revisions;

/// <summary>
/// A line diff by longest common subsequence. Common leading and trailing lines are matched first;
/// when what is left would need more than <see cref="MaxCells"/> comparisons, the middle is shown as
/// removed then added, which keeps a pathological pair of bodies from costing unbounded time.
/// </summary>
public static class LineDiff
{
    public const int MaxCells = 1_000_000;

    public static IReadOnlyList<DiffLine> Compare(string from, string to)
    {
        var a = SplitLines(from);
        var b = SplitLines(to);

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a.Take(prefix).Select(line => new DiffLine(DiffLineKind.Unchanged, line)));
        var middleA = a[prefix..^suffix];
        var middleB = b[prefix..^suffix];
        if ((long)middleA.Length * middleB.Length > MaxCells)
        {
            result.AddRange(middleA.Select(line => new DiffLine(DiffLineKind.Removed, line)));
            result.AddRange(middleB.Select(line => new DiffLine(DiffLineKind.Added, line)));
        }
        else
        {
            result.AddRange(Lcs(middleA, middleB));
        }

        result.AddRange(a[^suffix..].Select(line => new DiffLine(DiffLineKind.Unchanged, line)));
        return result;
    }

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static List<DiffLine> Lcs(string[] a, string[] b)
    {
        // lengths[i, j] = length of the LCS of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(DiffLineKind.Unchanged, a[x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                lines.Add(new DiffLine(DiffLineKind.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffLineKind.Added, b[y++]));
            }
        }

        lines.AddRange(a[x..].Select(line => new DiffLine(DiffLineKind.Removed, line)));
        lines.AddRange(b[y..].Select(line => new DiffLine(DiffLineKind.Added, line)));
        return lines;
    }
}
