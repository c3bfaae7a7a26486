using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Translation;
using ContentHub.Api.Tests.Schemas;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>
/// XLIFF 2.0 and 1.2 and TMX through HTTP: exports validate against the OASIS schemas and the TMX
/// DTD, unchanged files round-trip losslessly, a translated file is applied, and a file with one wrong
/// source text is rejected whole.
/// </summary>
public sealed class ExchangeFilesTests(TranslatorFixture api) : IClassFixture<TranslatorFixture>
{
    private const string Body = "Năm 2026, [Sở Ngoại vụ](https://songoaivu.bacgiang.gov.vn) đón **nhiều** đoàn.\n\n| Huyện | Ghi chú |\n|---|---|\n| Lục Ngạn | vải `thiều` |\n";
    private static readonly XNamespace V2 = "urn:oasis:names:tc:xliff:document:2.0";
    private static readonly XNamespace V12 = "urn:oasis:names:tc:xliff:document:1.2";

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.2")]
    public async Task An_xliff_export_is_valid_comes_back_unchanged_and_applies_a_translation(string version)
    {
        var (translator, first, second) = await TwoDraftedItemsAsync();

        var exported = await translator.GetStringAsync($"/api/v1/translation/xliff?items={first},{second}&language=en&version={version}");

        Validate(exported, version);
        Assert.Empty((await ImportAsync(translator, exported)).Changed);
        Assert.Equal(exported, await translator.GetStringAsync($"/api/v1/translation/xliff?items={first},{second}&language=en&version={version}"));

        var document = XDocument.Parse(exported, LoadOptions.PreserveWhitespace);
        var ns = version == "2.0" ? V2 : V12;
        var title = document.Descendants(ns + "file").First().Descendants(ns + "target").First();
        title.Value = "Bac Giang welcomes investors";
        Assert.Equal([first], (await ImportAsync(translator, document.ToString(SaveOptions.DisableFormatting))).Changed);
        Assert.Equal("Bac Giang welcomes investors", (await VariantAsync(translator, first, "en")).Title);
        Assert.Equal(Domain.Translation.TranslationOrigin.PostEdited, (await StatesAsync(translator, first)).Languages.Single(l => l.Language == "en").Provenance!.Origin);
        Assert.StartsWith("⟨en⟩Năm 2026, [Sở Ngoại vụ](https://songoaivu.bacgiang.gov.vn)", (await VariantAsync(translator, second, "en")).BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_one_wrong_source_text_is_rejected_whole()
    {
        var (translator, first, second) = await TwoDraftedItemsAsync();
        var document = XDocument.Parse(await translator.GetStringAsync($"/api/v1/translation/xliff?items={first},{second}&language=en"), LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        document.Descendants(V2 + "file").First().Descendants(V2 + "target").First().Value = "A new English title";
        var tampered = document.Descendants(V2 + "file").Last().Descendants(V2 + "source").First();
        tampered.Value = "Một tiêu đề khác";

        using var response = await translator.PostAsync("/api/v1/translation/xliff", new StringContent(document.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, XliffFormat.MediaType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        var problem = Assert.Single(problems);
        Assert.Contains("unit title: the source text differs", problem, StringComparison.Ordinal);
        Assert.StartsWith("line ", problem, StringComparison.Ordinal);
        Assert.NotEqual("A new English title", (await VariantAsync(translator, first, "en")).Title);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">&x;</xliff>", "application/xliff+xml", 400)]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"><file id=\"f1\"", "application/xml", 400)]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"vi\" trgLang=\"en\"><file id=\"f1\" original=\"item/00000000-0000-0000-0000-000000000001\"><unit id=\"title\"><segment><source>a</source><target>b</target></segment></unit></file></xliff>", "application/xml", 400)]
    [InlineData("<tmx/>", "application/json", 415)]
    public async Task Files_that_are_not_an_export_of_ours_are_refused(string body, string mediaType, int status)
    {
        using var response = await api.Client.PostAsync("/api/v1/translation/xliff", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Translation_memory_goes_out_as_valid_tmx_and_comes_back_losslessly()
    {
        var (translator, first, _) = await TwoDraftedItemsAsync();
        await WriteAsync(translator, first, "en", new VariantRequest("Bac Giang welcomes delegations", (await VariantAsync(translator, first, "en")).BodyMarkdown.Replace("⟨en⟩", string.Empty, StringComparison.Ordinal)));
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        using (var approved = await Steps.TryLanguageAsync(reviewer, first, "en", "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        var tmx = await api.Client.GetStringAsync("/api/v1/translation/memory?source=vi&target=en");

        ValidateTmx(tmx);
        Assert.Contains("Bac Giang welcomes delegations", tmx, StringComparison.Ordinal);
        Assert.Contains("<bpt i=\"", tmx, StringComparison.Ordinal);
        using var imported = await api.Client.PostAsync("/api/v1/translation/memory?source=vi", new StringContent(tmx, Encoding.UTF8, TmxFormat.MediaType));
        var answer = await imported.Content.ReadAsStringAsync();
        var counts = JsonSerializer.Deserialize<MemoryImportResponse>(answer, TestJson.Options)!;
        Assert.True(imported.IsSuccessStatusCode, answer);
        Assert.Equal(0, counts.Created);
        Assert.True(XDocument.Parse(tmx).Descendants("tu").Count() == counts.Updated, answer + "\n" + tmx);
        Assert.Equal(tmx, await api.Client.GetStringAsync("/api/v1/translation/memory?source=vi&target=en"));

        // A translation that lost a code of its source is refused, and nothing of the file is applied.
        var lastCode = tmx.LastIndexOf("<ph x=\"1\">{1/}</ph>", StringComparison.Ordinal);
        Assert.True(lastCode > 0, tmx);
        var wrongCodes = tmx.Remove(lastCode, "<ph x=\"1\">{1/}</ph>".Length);
        using var refused = await api.Client.PostAsync("/api/v1/translation/memory?source=vi", new StringContent(wrongCodes, Encoding.UTF8, TmxFormat.MediaType));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(tmx, await api.Client.GetStringAsync("/api/v1/translation/memory?source=vi&target=en"));
    }

    private async Task<(HttpClient Translator, Guid First, Guid Second)> TwoDraftedItemsAsync()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en"]);
        var ids = new List<Guid>();
        // Titles without digits: a number is an inline code, and the tests below rewrite titles as plain text.
        foreach (var title in new[] { "Bắc Giang đón đoàn " + Letters(), "Lục Ngạn mùa vải " + Letters() })
        {
            using var created = await editor.PostAsJsonAsync("/api/v1/items", new CreateItemRequest(ContentKind.Article, "vi", unit.Id, category.Id, new VariantRequest(title, Body)), TestJson.Options);
            var item = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
            await Steps.TakeAsync(editor, item.Id, "submit");
            await Steps.TakeAsync(reviewer, item.Id, "approve");
            Assert.Equal("Done", (await FinishedAsync(translator, (await MachineAsync(translator, item.Id, "en")).Id)).State);
            ids.Add(item.Id);
        }

        return (translator, ids[0], ids[1]);
    }

    private static string Letters() => string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c));

    private static async Task<XliffImportResponse> ImportAsync(HttpClient client, string xliff)
    {
        using var response = await client.PostAsync("/api/v1/translation/xliff", new StringContent(xliff, Encoding.UTF8, XliffFormat.MediaType));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<XliffImportResponse>(TestJson.Options))!;
    }

    private static void Validate(string xliff, string version) => XmlValidation.Xsd(xliff, version == "2.0"
        ? (V2.NamespaceName, XmlValidation.PathOf("xliff", "2.0", "xliff_core_2.0.xsd"))
        : (V12.NamespaceName, XmlValidation.PathOf("xliff", "1.2", "xliff-core-1.2-strict.xsd")));

    private static void ValidateTmx(string tmx) => XmlValidation.Dtd(tmx, "tmx", XmlValidation.PathOf("tmx", "tmx14.dtd"));
}
