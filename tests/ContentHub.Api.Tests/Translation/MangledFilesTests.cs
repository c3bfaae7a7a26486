using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>
/// The four file imports (XLIFF, TMX, glossary CSV and TBX) are public surface: valid exports,
/// mangled by a seeded generator (cut, spliced, noise inserted, bytes that are not UTF-8), never get
/// a 5xx, and every refusal is a problem document.
/// </summary>
public sealed class MangledFilesTests(TranslatorFixture api) : IClassFixture<TranslatorFixture>
{
    private const string Noise = "<>&;\"'/=!?[]{}#%\u0000\u00e9\u0e81\ud800 \n\tx0";

    [Fact]
    public async Task Mangled_imports_never_get_a_5xx()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        using var created = await editor.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unit.Id, category.Id,
            new VariantRequest("Vải thiều Lục Ngạn", "Năm 2026, [vải](https://bacgiang.gov.vn) **chín** sớm.\n\n- Lục Ngạn\n")), TestJson.Options);
        var itemId = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!.Id;
        await Steps.TakeAsync(editor, itemId, "submit");
        await Steps.TakeAsync(reviewer, itemId, "approve");
        Assert.Equal("Done", (await FinishedAsync(api.Client, (await MachineAsync(api.Client, itemId, "en")).Id)).State);
        using (var approved = await Steps.TryLanguageAsync(reviewer, itemId, "en", "approve"))
        {
            approved.EnsureSuccessStatusCode();
        }

        await api.Client.PostAsync("/api/v1/glossary/import", new StringContent("source_language,target_language,source,target,part_of_speech,do_not_translate,note\r\nvi,en,Lục Ngạn,Luc Ngan,properNoun,false,\r\n", Encoding.UTF8, "text/csv"));
        var samples = new (string Route, string MediaType, string Valid)[]
        {
            ("/api/v1/translation/xliff", "application/xliff+xml", await api.Client.GetStringAsync($"/api/v1/translation/xliff?items={itemId}&language=en")),
            ("/api/v1/translation/xliff", "application/xliff+xml", await api.Client.GetStringAsync($"/api/v1/translation/xliff?items={itemId}&language=en&version=1.2")),
            ("/api/v1/translation/memory", "application/x-tmx+xml", await api.Client.GetStringAsync("/api/v1/translation/memory?source=vi")),
            ("/api/v1/glossary/import", "text/csv", await api.Client.GetStringAsync("/api/v1/glossary/export?format=csv")),
            ("/api/v1/glossary/import", "application/x-tbx+xml", await api.Client.GetStringAsync("/api/v1/glossary/export?format=tbx")),
        };

        var random = new Random(20261202);
        foreach (var (route, mediaType, valid) in samples)
        {
            for (var i = 0; i < 80; i++)
            {
                var body = Mangle(valid, random);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
                using var response = await api.Client.PostAsync(route, content);
                var answer = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{route} #{i}: {(int)response.StatusCode} {answer}\n{Encoding.UTF8.GetString(body)}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.True(JsonDocument.Parse(answer).RootElement.TryGetProperty("type", out _), answer);
                }
            }
        }
    }

    private static byte[] Mangle(string valid, Random random)
    {
        var text = new StringBuilder(valid);
        for (var edits = random.Next(1, 5); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0: text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                case 1: text.Insert(at, Noise[random.Next(Noise.Length)]); break;
                case 2: text.Insert(at, valid.AsSpan(random.Next(valid.Length / 2), Math.Min(random.Next(1, 200), valid.Length / 2))); break;
                case 3: text.Length = at; break;
                default: text[at] = Noise[random.Next(Noise.Length)]; break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (random.Next(8) == 0 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] = 0xFF; // not UTF-8
        }

        return bytes;
    }
}
