using ContentHub.Api.Features.Translation;

namespace ContentHub.Api.Tests.Translation;

/// <summary>Texts are split into requests within the Text API's limits: 1,000 elements, 50,000 characters counted per target language.</summary>
public sealed class TranslatorLimitsTests
{
    [Fact]
    public void Batches_respect_both_limits_and_keep_every_text_in_order()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var targets = random.Next(1, 6);
            var texts = Enumerable.Range(0, random.Next(0, 3000)).Select(i => new string('a', random.Next(0, AzureTranslator.MaxCharacters / targets / (random.Next(2) == 0 ? 1 : 50)))).ToList();

            var batches = AzureTranslator.Batches(texts, targets).ToList();

            Assert.All(batches, b => Assert.InRange(b.Count, 1, AzureTranslator.MaxElements));
            Assert.All(batches, b => Assert.True(b.Sum(t => (long)t.Length) * targets <= AzureTranslator.MaxCharacters));
            Assert.Equal(texts, batches.SelectMany(b => b));
        }
    }

    [Fact]
    public void A_text_too_long_for_one_request_is_refused_before_anything_is_sent()
    {
        var exception = Assert.Throws<MachineTranslationException>(() => AzureTranslator.Batches([new string('a', 10_001)], 5).ToList());

        Assert.False(exception.MayPass);
    }
}
