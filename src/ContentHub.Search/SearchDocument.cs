using System.Text;
using ContentHub.Domain.Languages;

namespace ContentHub.Search;

/// <summary>
/// The tsvector of one text in one language, built field by field: the title weighs most (A), then the
/// lead, tags and category names (B), the body (C), and text from attached files (D). Positions run on
/// across fields, with a gap so that a phrase never spans two of them.
/// </summary>
public sealed class SearchDocument(LanguageTag language)
{
    // PostgreSQL's limits: positions up to 16,383, and 256 positions per lexeme.
    private const int MaxPosition = 16_383;
    private const int MaxPositionsPerLexeme = 256;
    private const int FieldGap = 2;

    private readonly SortedDictionary<string, List<(int Position, char Weight)>> _lexemes = new(StringComparer.Ordinal);
    private int _position;

    public SearchDocument Add(string? text, char weight)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var last = 0;
        foreach (var word in TextAnalyzer.Analyze(text, language))
        {
            last = word.Position;
            foreach (var lexeme in word.Lexemes)
            {
                Put(lexeme, _position + word.Position, weight);
            }
        }

        // Grapheme bigrams of each run of syllabic words, on positions of their own after the field's words.
        var gram = _position + last;
        foreach (var run in TextAnalyzer.SyllabicRuns(text))
        {
            gram += FieldGap;
            foreach (var bigram in TextAnalyzer.Grams(run))
            {
                Put(bigram, ++gram, weight);
            }
        }

        last = gram - _position;
        _position = Math.Min(_position + last + FieldGap, MaxPosition);
        return this;
    }

    private void Put(string lexeme, int at, char weight)
    {
        var position = Math.Min(at, MaxPosition);
        if (!_lexemes.TryGetValue(lexeme, out var positions))
        {
            _lexemes[lexeme] = positions = [];
        }

        if (positions.Count < MaxPositionsPerLexeme && (positions.Count == 0 || positions[^1].Position < position))
        {
            positions.Add((position, weight));
        }
    }

    public SearchDocument AddAll(IEnumerable<string?> texts, char weight)
    {
        foreach (var text in texts)
        {
            Add(text, weight);
        }

        return this;
    }

    /// <summary>
    /// The tsvector in PostgreSQL's literal form, which the database casts to a tsvector itself (a generated
    /// column), so its own parser reads it: lexemes quoted, so nothing in them is syntax.
    /// </summary>
    public string ToLiteral()
    {
        var literal = new StringBuilder();
        foreach (var (lexeme, positions) in _lexemes)
        {
            literal.Append('\'').Append(lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append("':");
            literal.AppendJoin(',', positions.Select(p => $"{p.Position}{p.Weight}")).Append(' ');
        }

        return literal.ToString();
    }
}
