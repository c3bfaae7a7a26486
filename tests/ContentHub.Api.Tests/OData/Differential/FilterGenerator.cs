using System.Globalization;
using Row = ContentHub.Api.Tests.OData.Differential.DifferentialFixture.Row;

namespace ContentHub.Api.Tests.OData.Differential;

/// <summary>
/// Random OData expressions over the portal's entries, each with its own evaluation by OData's rules
/// (Part 2, §5.1.1), written here independently of the service: null operands make string functions
/// and comparisons null (eq and ne compare null as a value), and/or/not are three-valued, and only
/// true selects a row. Seeded, so a failure names a query that can be run again.
/// </summary>
public sealed class FilterGenerator(Random random, IReadOnlyList<Row> rows)
{
    private static readonly string[] Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];

    /// <summary>A text for OData and its meaning, as a function of a row.</summary>
    public sealed record Node(string OData, Func<Row, object?> Eval);

    public Node Bool(int depth)
    {
        var choice = depth <= 0 ? random.Next(7) : random.Next(10);
        switch (choice)
        {
            case 0: return CompareText();
            case 1: return CompareNumber();
            case 2: return StringPredicate();
            case 3: return NullCheck();
            case 4: return In();
            case 5: return TagLambda();
            case 6: return CompareTime();
            case 7:
            {
                var (l, r) = (Bool(depth - 1), Bool(depth - 1));
                return new($"({l.OData} {Keyword("and")} {r.OData})", row => And((bool?)l.Eval(row), (bool?)r.Eval(row)));
            }

            case 8:
            {
                var (l, r) = (Bool(depth - 1), Bool(depth - 1));
                return new($"({l.OData} {Keyword("or")} {r.OData})", row => Or((bool?)l.Eval(row), (bool?)r.Eval(row)));
            }

            default:
            {
                var operand = Bool(depth - 1);
                return new($"{Keyword("not")} ({operand.OData})", row => (bool?)operand.Eval(row) is { } b ? !b : null);
            }
        }
    }

    private Node Text(bool nonNull = false)
    {
        var properties = nonNull
            ? new (string, Func<Row, string?>)[] { ("Title", r => r.Title), ("Slug", r => r.Slug) }
            : [("Title", r => r.Title), ("Slug", r => r.Slug), ("Summary", r => r.Summary), ("SeoDescription", r => r.SeoDescription)];
        var (name, read) = properties[random.Next(properties.Length)];
        var property = new Node(name, r => read(r));
        switch (random.Next(8))
        {
            case 0:
                return new($"trim({property.OData})", r => ((string?)property.Eval(r))?.Trim());
            case 3:
                return new($"tolower({property.OData})", r => ((string?)property.Eval(r))?.ToLowerInvariant());
            case 4:
                return new($"toupper({property.OData})", r => ((string?)property.Eval(r))?.ToUpperInvariant());
            case 1:
                var from = random.Next(0, 4);
                return new($"substring({property.OData},{from})", r => property.Eval(r) is string s ? (from >= s.Length ? string.Empty : s[from..]) : null);
            case 2 when nonNull || name is "Title" or "Slug":
                var tail = Word();
                return new($"concat({property.OData},{Quote(tail)})", r => (string)property.Eval(r)! + tail);
            default:
                return property;
        }
    }

    private Node Number()
    {
        switch (random.Next(5))
        {
            case 0:
                var text = Text();
                return new($"length({text.OData})", r => text.Eval(r) is string s ? (long?)s.Length : null);
            case 1:
                var haystack = Text();
                var needle = Word();
                return new($"indexof({haystack.OData},{Quote(needle)})", r => haystack.Eval(r) is string s ? (long?)s.IndexOf(needle, StringComparison.Ordinal) : null);
            default:
                var (name, part) = new (string, Func<DateTimeOffset, int>)[]
                {
                    ("year", t => t.Year), ("month", t => t.Month), ("day", t => t.Day), ("hour", t => t.Hour), ("minute", t => t.Minute), ("second", t => t.Second),
                }[random.Next(6)];
                return new($"{name}(PublishedAt)", r => (long?)part(r.PublishedAt.ToUniversalTime()));
        }
    }

    private Node CompareText()
    {
        var left = Text();
        var literal = Literal(left);
        var op = Comparisons[random.Next(Comparisons.Length)];
        return new($"{left.OData} {Keyword(op)} {Quote(literal)}", r => Compare(op, (string?)left.Eval(r), literal));
    }

    private Node CompareNumber()
    {
        var left = Number();
        var sample = rows[random.Next(rows.Count)];
        var literal = (long?)left.Eval(sample) ?? random.Next(-1, 30);
        literal += random.Next(-1, 2);
        var op = Comparisons[random.Next(Comparisons.Length)];
        return new($"{left.OData} {op} {literal.ToString(CultureInfo.InvariantCulture)}", r => Compare(op, (long?)left.Eval(r), literal));
    }

    private Node CompareTime()
    {
        var sample = rows[random.Next(rows.Count)].PublishedAt;
        var offset = TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15);
        var instant = new DateTimeOffset(sample.UtcTicks - (sample.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(random.Next(-1, 2)).ToOffset(offset);
        var op = Comparisons[2 + random.Next(4)];
        return new($"PublishedAt {op} {instant.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)}", r => Compare(op, r.PublishedAt.UtcTicks, instant.UtcTicks));
    }

    private Node StringPredicate()
    {
        var text = Text();
        var needle = Part(Literal(text));
        return random.Next(3) switch
        {
            0 => new($"contains({text.OData},{Quote(needle)})", r => text.Eval(r) is string s ? s.Contains(needle, StringComparison.Ordinal) : null),
            1 => new($"startswith({text.OData},{Quote(needle)})", r => text.Eval(r) is string s ? s.StartsWith(needle, StringComparison.Ordinal) : null),
            _ => new($"endswith({text.OData},{Quote(needle)})", r => text.Eval(r) is string s ? s.EndsWith(needle, StringComparison.Ordinal) : null),
        };
    }

    private Node NullCheck()
    {
        var (name, read) = random.Next(2) == 0 ? ("Summary", (Func<Row, string?>)(r => r.Summary)) : ("SeoDescription", r => r.SeoDescription);
        return random.Next(2) == 0
            ? new($"{name} eq null", r => read(r) is null)
            : new($"{name} ne null", r => read(r) is not null);
    }

    private Node In()
    {
        var text = Text();
        var values = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Literal(text)).ToList();
        return new($"{text.OData} {Keyword("in")} ({string.Join(",", values.Select(Quote))})", r => text.Eval(r) is string s && values.Contains(s));
    }

    private Node TagLambda()
    {
        var tag = rows.SelectMany(r => r.Tags).DefaultIfEmpty("trade").ElementAt(random.Next(Math.Max(1, rows.Sum(r => r.Tags.Count))));
        var part = Part(tag);
        return random.Next(4) switch
        {
            0 => new($"Tags/any(t: t eq {Quote(tag)})", r => r.Tags.Contains(tag)),
            1 => new($"Tags/any(t: contains(t,{Quote(part)}))", r => r.Tags.Any(t => t.Contains(part, StringComparison.Ordinal))),
            2 => new($"Tags/all(t: t ne {Quote(tag)})", r => r.Tags.All(t => t != tag)),
            _ => new("Tags/any()", r => r.Tags.Count > 0),
        };
    }

    // Mostly a value some row has (so that matches happen), sometimes a word from nowhere.
    private string Literal(Node text)
    {
        var value = text.Eval(rows[random.Next(rows.Count)]) as string;
        return value is not null && random.Next(4) != 0 ? value : Word();
    }

    private string Part(string value)
    {
        if (value.Length <= 1)
        {
            return value.Length == 0 ? "a" : value;
        }

        var start = random.Next(value.Length - 1);
        var part = value.Substring(start, random.Next(1, Math.Min(6, value.Length - start) + 1));
        return char.IsLowSurrogate(part[0]) || char.IsHighSurrogate(part[^1]) ? "a" : part;
    }

    private string Word() => new[] { "Bắc", "giang", "zz", "O'Neil", "a+b", "50%", "投资", "ລົງທຶນ", "e", "en" }[random.Next(10)];

    // OData 4.01 operators are case-insensitive: now and then one is written in capitals or mixed case.
    private string Keyword(string keyword) => random.Next(5) switch
    {
        0 => keyword.ToUpperInvariant(),
        1 => char.ToUpperInvariant(keyword[0]) + keyword[1..],
        _ => keyword,
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool Compare(string op, string? left, string? right) => op switch
    {
        "eq" => left == right,
        "ne" => left != right,
        _ when left is null || right is null => false,
        _ => Ordered(op, string.CompareOrdinal(left, right)),
    };

    private static bool Compare(string op, long? left, long? right) => op switch
    {
        "eq" => left == right,
        "ne" => left != right,
        _ when left is null || right is null => false,
        _ => Ordered(op, left.Value.CompareTo(right.Value)),
    };

    private static bool Ordered(string op, int order) => op switch
    {
        "gt" => order > 0,
        "ge" => order >= 0,
        "lt" => order < 0,
        _ => order <= 0,
    };

    private static bool? And(bool? left, bool? right) => left == false || right == false ? false : left == true && right == true ? true : null;

    private static bool? Or(bool? left, bool? right) => left == true || right == true ? true : left == false && right == false ? false : null;
}
