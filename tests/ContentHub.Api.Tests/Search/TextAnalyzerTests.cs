using ContentHub.Domain.Languages;
using ContentHub.Search;

namespace ContentHub.Api.Tests.Search;

/// <summary>The analysis rules of each script, word by word (the labelled sets test them through search).</summary>
public sealed class TextAnalyzerTests
{
    [Theory]
    // Outputs of the reference Porter stemmer (tartarus.org/martin/PorterStemmer, voc.txt/output.txt).
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("investments", "invest")]
    [InlineData("investing", "invest")]
    [InlineData("sky", "sky")]
    public void English_words_are_stemmed_by_porter(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Fact]
    public void English_drops_stop_words_but_keeps_their_positions()
    {
        var words = TextAnalyzer.Analyze("The Department of Foreign Affairs", LanguageTag.English);
        Assert.Equal([[], ["depart"], [], ["foreign"], ["affair"]], words.Select(w => w.Lexemes));
        Assert.Equal([1, 2, 3, 4, 5], words.Select(w => w.Position));
    }

    [Fact]
    public void Vietnamese_keeps_the_written_and_the_folded_form_at_one_position()
    {
        var words = TextAnalyzer.Analyze("Bắc Giang, Đồng Nai", LanguageTag.Vietnamese);
        Assert.Equal([["bắc", "bac"], ["giang"], ["đồng", "dong"], ["nai"]], words.Select(w => w.Lexemes));
    }

    [Fact]
    public void Chinese_and_japanese_are_segmented_into_dictionary_words()
    {
        Assert.Equal(["北江", "省", "吸引", "外国", "投资"], TextAnalyzer.Analyze("北江省吸引外国投资", LanguageTag.ChineseSimplified).Select(w => w.Lexemes[0]));
        Assert.Contains("投資", TextAnalyzer.Analyze("バクザン省は外国からの投資を呼び込んでいます", LanguageTag.Japanese).Select(w => w.Lexemes[0]));
    }

    [Theory]
    [InlineData("박장성의", "박장성")]
    [InlineData("투자를", "투자")]
    [InlineData("산업단지에서", "산업단지")]
    [InlineData("개최합니다", "개최")]
    public void Korean_words_are_also_indexed_without_their_particle_or_ending(string word, string stem)
    {
        Assert.Equal([word, stem], TextAnalyzer.Lexemes(word, LanguageTag.Korean));
        Assert.Equal([new QueryLexeme(stem, Prefix: true)], TextAnalyzer.QueryLexemes(word, LanguageTag.Korean));
    }

    [Fact]
    public void Lao_runs_give_grapheme_bigrams_that_cross_icus_word_boundaries()
    {
        // ICU reads "ຟ້ອນລຳ | ວົງ" here, but "ລຳວົງ" alone: the bigrams of the run still hold ລຳ+ວົ.
        var runs = TextAnalyzer.SyllabicRuns("ຟ້ອນລຳວົງກັບໝູ່ເພື່ອນ ແລະ ບັກຢາງ");
        Assert.Equal(3, runs.Count);
        var query = TextAnalyzer.Grams(TextAnalyzer.Normalize("ລຳວົງ"));
        Assert.NotEmpty(query);
        Assert.Superset(query.ToHashSet(), TextAnalyzer.Grams(runs[0]).ToHashSet());
        Assert.Empty(TextAnalyzer.Grams("ວ"));
    }
}
