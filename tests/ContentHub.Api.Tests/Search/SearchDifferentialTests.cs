using System.Net;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Domain.Languages;
using ContentHub.Search;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Search;

/// <summary>
/// Seeded, generated documents and searches (words, phrases, AND, OR, NOT, in several scripts, with
/// characters that are syntax in tsvector and tsquery literals), answered by the service and by an
/// evaluation in memory over the analysed words: what PostgreSQL finds through the stored tsvector and
/// the built tsquery must be exactly what the words say. Then random text, syntax and scripts: never a 500.
/// </summary>
public sealed class SearchDifferentialTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Vocabulary =
    [
        "bắc", "giang", "bac", "bác", "đầu", "tư", "vải", "thiều", "o'clock", "l'été", "北江", "投资", "荔枝", "박장성의", "투자를", "박장",
        "ライチ", "投資", "x1", "2026", "quan", "họ", "hò", "Ủy", "ban",
    ];

    [Fact]
    public async Task The_index_finds_exactly_what_an_evaluation_of_the_words_finds()
    {
        var random = new Random(2026);
        var request = await api.Given.ArticleRequestAsync();
        var documents = new Dictionary<Guid, (List<string[]> Title, List<string[]> Body)>();
        var texts = new List<(string Title, string Body)>();
        for (var i = 0; i < 40; i++)
        {
            var title = Words(random, random.Next(2, 6));
            var body = Words(random, random.Next(3, 12));
            var item = await api.Given.ItemAsync(request with { Variant = new VariantRequest(title + " " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), body) });
            // The body as indexed: rendered, then read as text (Markdown may set quotes typographically).
            documents[item.Id] = (Analyse(item.Variants[0].Title), Analyse(Domain.Text.SearchText.PlainText(item.Variants[0].BodyHtml)));
            texts.Add((title, body));
        }

        for (var q = 0; q < 150; q++)
        {
            var (text, expression) = Query(random, texts);
            var expected = documents.Where(d => Evaluate(expression, d.Value)).Select(d => d.Key).ToHashSet();
            var found = await FoundAsync(text);
            Assert.True(expected.SetEquals(found), $"Search {text}: the service found {found.Count}, the evaluation {expected.Count}.");
        }
    }

    [Fact]
    public async Task Random_searches_are_answered_or_refused_but_never_fail()
    {
        var random = new Random(7);
        string[] pieces = ["(", ")", "\"", "AND", "OR", "NOT", "&", "|", "!", "<->", ":*", "'", "\\", ":", "bắc", "北江", "ແຂວງ", "박장성의", "ライチ", "the",
            "\u0301", "\u0E48", "😀", "\u200B", new string('x', 120), "-", "*", "%", "_", "a:b", "''", "\t"];
        for (var i = 0; i < 300; i++)
        {
            var q = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var url in new[] { $"/api/v1/search?q={Uri.EscapeDataString(q)}", $"/odata/Articles?$search={Uri.EscapeDataString(q)}" })
            {
                using var response = await api.Client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static string Words(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static List<string[]> Analyse(string text) =>
        // Every word keeps its slot, stop words included, so phrases keep their gaps.
        TextAnalyzer.Analyze(text, LanguageTag.Vietnamese).Select(w => w.Lexemes).ToList();

    // A word, a phrase from a document, or two of them under AND, OR, NOT.
    private static (string Text, Node Expression) Query(Random random, List<(string Title, string Body)> texts)
    {
        (string, Node) Leaf()
        {
            if (random.Next(3) == 0)
            {
                var source = texts[random.Next(texts.Count)].Body.Split(' ');
                var start = random.Next(Math.Max(1, source.Length - 1));
                var phrase = string.Join(' ', source.Skip(start).Take(2));
                return ($"\"{phrase}\"", new Node.Term(phrase));
            }

            var word = Vocabulary[random.Next(Vocabulary.Length)];
            return (word, new Node.Term(word));
        }

        var (left, l) = Leaf();
        return random.Next(5) switch
        {
            0 => (left, l),
            1 => Leaf() is var (right, r) ? ($"{left} {right}", new Node.And(l, r)) : default,
            2 => Leaf() is var (right2, r2) ? ($"{left} OR {right2}", new Node.Or(l, r2)) : default,
            3 => Leaf() is var (right3, r3) ? ($"{left} AND NOT {right3}", new Node.And(l, new Node.Not(r3))) : default,
            _ => Leaf() is var (right4, r4) ? ($"NOT ({left} OR {right4})", new Node.Not(new Node.Or(l, r4))) : default,
        };
    }

    // Terms match within one field; AND, OR and NOT combine across the document's fields.
    private static bool Evaluate(Node node, (List<string[]> Title, List<string[]> Body) document) => node switch
    {
        Node.Term term => TermMatches(term.Text, document.Title) || TermMatches(term.Text, document.Body),
        Node.And and => Evaluate(and.Left, document) && Evaluate(and.Right, document),
        Node.Or or => Evaluate(or.Left, document) || Evaluate(or.Right, document),
        Node.Not not => !Evaluate(not.Operand, document),
        _ => false,
    };

    private static bool TermMatches(string text, List<string[]> field)
    {
        var words = WordBreaker.Words(text).Select(w => TextAnalyzer.QueryLexemes(TextAnalyzer.Normalize(text.AsSpan(w.Start, w.Length)), LanguageTag.Vietnamese)).ToList();
        for (var start = 0; start + words.Count <= field.Count; start++)
        {
            if (words.Select((alternatives, i) => alternatives.Any(a => field[start + i].Any(l => a.Prefix ? l.StartsWith(a.Text, StringComparison.Ordinal) : l == a.Text))).All(x => x))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<HashSet<Guid>> FoundAsync(string q)
    {
        using var response = await api.Client.GetAsync($"/api/v1/search?language=vi&pageSize=50&q={Uri.EscapeDataString(q)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {body}");
        var page = JsonDocument.Parse(body).RootElement;
        Assert.True(page.GetProperty("totalCount").GetInt32() <= 50, "The generated corpus fits one page.");
        return page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("itemId").GetGuid()).ToHashSet();
    }

    private abstract record Node
    {
        public sealed record Term(string Text) : Node;

        public sealed record And(Node Left, Node Right) : Node;

        public sealed record Or(Node Left, Node Right) : Node;

        public sealed record Not(Node Operand) : Node;
    }
}
