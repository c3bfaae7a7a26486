using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData.Differential;

/// <summary>
/// Thirty published articles whose fields vary the way real ones do (Vietnamese with and without
/// capitals and diacritics, English, Lao, Chinese; summaries and SEO texts present, empty or null;
/// zero to three tags; some with an English variant), a portal serving English then Vietnamese, and
/// the rows as the portal reads them: what the differential test evaluates its queries over.
/// </summary>
public sealed class DifferentialFixture : ApiFixture
{
    private static readonly string[] Words =
    [
        "Bắc", "Giang", "ĐẦU", "tư", "Lục", "Ngạn", "vải", "thiều", "Tây", "Yên", "Tử", "khu", "công", "nghiệp",
        "Quang", "Châu", "Investment", "Lychee", "Border", "gate", "trade", "ແຂວງ", "ລົງທຶນ", "投资", "荔枝", "a+b", "O'Neil", "50%",
    ];

    private static readonly string[] TagPool = ["đầu tư", "du lịch", "nông sản", "trade", "lychee"];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string Key { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (reviewer, _) = await Staff.NewAsync(Factory, [Role.Reviewer, Role.Admin]);
        var category = await Given.CategoryAsync();
        var request = await Given.ArticleRequestAsync();
        var random = new Random(4101);
        for (var i = 0; i < 30; i++)
        {
            var title = $"{Phrase(random, 2, 5)} {i}";
            var item = await Given.ItemAsync(request with
            {
                CategoryId = category.Id,
                Tags = TagPool.Where(_ => random.Next(4) == 0).Take(3).ToList(),
                Variant = new VariantRequest(title, "Nội dung.", Optional(random), SeoDescription: Optional(random)),
            });
            if (random.Next(2) == 0)
            {
                using var english = await Client.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/en", new VariantRequest($"{Phrase(random, 1, 4)} en {i}", "Body.", Optional(random), SeoDescription: Optional(random)));
                english.EnsureSuccessStatusCode();
            }

            await Steps.PublishAsync(Client, reviewer, item.Id);
        }

        var portal = await Given.PortalAsync(new PortalRequest("Cổng thử", Given.Unique("diff"), "https://diff.example",
            [new PortalLanguageRequest("en", ["vi"]), new PortalLanguageRequest("vi")], [category.Id]));
        Key = (await Given.KeyAsync(portal.Id)).Key;
        using var client = ClientWithKey(Key);
        client.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=100");
        var page = await client.GetStringAsync("/odata/Articles?lang=en&$top=100&$select=Id,Language,Title,Summary,SeoDescription,Slug,Tags,PublishedAt");
        Rows = JsonDocument.Parse(page).RootElement.GetProperty("value").EnumerateArray().Select(Row.From).ToList();
        if (Rows.Count != 30)
        {
            throw new InvalidOperationException($"Expected 30 rows, read {Rows.Count}.");
        }
    }

    private static string Phrase(Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Words[random.Next(Words.Length)]));

    private static string? Optional(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => Phrase(random, 1, 3),
        2 => Phrase(random, 2, 6),
        _ => null,
    };

    /// <summary>An entry as the portal read it.</summary>
    public sealed record Row(Guid Id, string Language, string Title, string? Summary, string? SeoDescription, string Slug, IReadOnlyList<string> Tags, DateTimeOffset PublishedAt)
    {
        public static Row From(JsonElement e) => new(
            e.GetProperty(nameof(Id)).GetGuid(),
            e.GetProperty(nameof(Language)).GetString()!,
            e.GetProperty(nameof(Title)).GetString()!,
            e.GetProperty(nameof(Summary)).GetString(),
            e.GetProperty(nameof(SeoDescription)).GetString(),
            e.GetProperty(nameof(Slug)).GetString()!,
            e.GetProperty(nameof(Tags)).EnumerateArray().Select(t => t.GetString()!).ToList(),
            DateTimeOffset.Parse(e.GetProperty(nameof(PublishedAt)).GetString()!, CultureInfo.InvariantCulture));
    }
}
