using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Tests.Schemas;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Glossary;

/// <summary>The glossary through HTTP: entries per pair, who may change them, CSV and TBX-Basic both ways.</summary>
public sealed class GlossaryApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly XNamespace Tbx = "urn:iso:std:iso:30042:ed-2";
    private static readonly string[] PartsOfSpeech = ["noun", "verb", "adjective", "adverb", "properNoun", "other"];

    [Fact]
    public async Task An_entry_is_created_read_changed_and_deleted_with_its_etag()
    {
        var source = Given.Unique("Lục Ngạn");
        using var created = await api.Client.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "zh", source, "陆岸", "properNoun", Note: "District."));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var term = (await created.Content.ReadFromJsonAsync<GlossaryTermResponse>(TestJson.Options))!;
        Assert.Equal(("zh-Hans", "陆岸", "properNoun"), (term.TargetLanguage, term.Target, term.PartOfSpeech));

        using var duplicate = await api.Client.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "zh-Hans", source.ToUpperInvariant(), "别的"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var etag = (await api.Client.GetAsync($"/api/v1/glossary/{term.Id}")).Headers.ETag!.ToString();
        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/glossary/{term.Id}") { Content = JsonContent.Create(new GlossaryTermRequest("vi", "zh-Hans", source, "陆岸县", "properNoun")) };
        change.Headers.TryAddWithoutValidation("If-Match", etag);
        using var changed = await api.Client.SendAsync(change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/glossary/{term.Id}");
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Client.SendAsync(stale)).StatusCode);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/glossary/{term.Id}");
        delete.Headers.TryAddWithoutValidation("If-Match", changed.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.SendAsync(delete)).StatusCode);
    }

    [Fact]
    public async Task Translators_manage_only_the_pairs_into_their_languages_and_bad_entries_are_refused()
    {
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], null, ["lo"]);

        using var own = await translator.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "lo", Given.Unique("Bắc Giang"), "ບັກຢາງ"));
        using var other = await translator.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "en", Given.Unique("Bắc Giang"), "Bac Giang"));
        using var same = await api.Client.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "vi", "Bắc Giang", "Bắc Giang"));
        using var noTarget = await api.Client.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "en", "Bắc Giang", null));
        using var badPart = await api.Client.PostAsJsonAsync("/api/v1/glossary", new GlossaryTermRequest("vi", "en", "Bắc Giang", "Bac Giang", "pronoun"));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTarget.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPart.StatusCode);
    }

    [Fact]
    public async Task A_csv_export_imports_back_to_the_same_glossary_and_a_file_with_an_error_changes_nothing()
    {
        var tag = Given.Unique("Yên Thế");
        var csv = "source_language,target_language,source,target,part_of_speech,do_not_translate,note\r\n"
                  + $"vi,en,{tag},Yen The,properNoun,false,\"District, in the north\"\r\n"
                  + $"vi,ko,{tag}-VSIP,,properNoun,true,\r\n";
        Assert.Equal(new GlossaryImportResponse(2, 0), await ImportAsync(csv, "text/csv"));

        var exported = await api.Client.GetStringAsync("/api/v1/glossary/export?source=vi&format=csv");
        var ours = exported.Split("\r\n").Where(l => l.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"vi,en,{tag},Yen The,properNoun,false,\"District, in the north\"", $"vi,ko,{tag}-VSIP,{tag}-VSIP,properNoun,true,"], ours);
        Assert.Equal(new GlossaryImportResponse(0, 2), await ImportAsync(exported.Split("\r\n")[0] + "\r\n" + string.Join("\r\n", ours) + "\r\n", "text/csv"));

        var broken = csv.Replace("Yen The", "Yen The 2", StringComparison.Ordinal) + "vi,xx,Lục Nam,Luc Nam,noun,false,\r\nvi,en,Sơn Động,Son Dong,noun,maybe,\r\n";
        using var refused = await api.Client.PostAsync("/api/v1/glossary/import", new StringContent(broken, Encoding.UTF8, "text/csv"));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 4: targetLanguage", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 5: doNotTranslate", out _), problem.ToString());
        Assert.DoesNotContain("Yen The 2", await api.Client.GetStringAsync("/api/v1/glossary/export?source=vi&format=csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tbx_export_is_valid_tbx_basic_and_imports_back()
    {
        var tag = Given.Unique("Hiệp Hòa");
        await ImportAsync("source_language,target_language,source,target,part_of_speech,do_not_translate,note\r\n"
                          + $"vi,en,{tag},Hiep Hoa,properNoun,false,District.\r\nvi,zh-Hans,{tag},协和,properNoun,false,\r\nvi,ja,{tag} VSIP,,properNoun,true,\r\n", "text/csv");

        var tbx = await api.Client.GetStringAsync("/api/v1/glossary/export?source=vi&format=tbx");

        await XmlValidation.RelaxNgAsync(tbx, XmlValidation.PathOf("tbx", "TBXcoreStructV03.rng"));

        // The TBX-Basic dialect's own rules (its Schematron) that concern what is exported.
        var root = XDocument.Parse(tbx).Root!;
        Assert.Equal(("TBX-Basic", "dca"), ((string)root.Attribute("type")!, (string)root.Attribute("style")!));
        Assert.All(root.Descendants(Tbx + "termNote"), n => Assert.Equal("partOfSpeech", (string)n.Attribute("type")!));
        Assert.All(root.Descendants(Tbx + "termNote"), n => Assert.Contains(n.Value, PartsOfSpeech));
        var concept = root.Descendants(Tbx + "conceptEntry").Single(c => c.Descendants(Tbx + "term").Any(t => t.Value == tag));
        Assert.Equal(["vi", "en", "zh-Hans"], concept.Elements(Tbx + "langSec").Select(l => (string)l.Attribute(XNamespace.Xml + "lang")!));

        Assert.Equal(new GlossaryImportResponse(0, root.Descendants(Tbx + "langSec").Count() - root.Descendants(Tbx + "conceptEntry").Count()), await ImportAsync(tbx, "application/x-tbx+xml"));
        var terms = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/glossary?q={Uri.EscapeDataString(tag)}&pageSize=100");
        Assert.Contains(terms.GetProperty("items").EnumerateArray(), t => t.GetProperty("doNotTranslate").GetBoolean() && t.GetProperty("targetLanguage").GetString() == "ja");
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tbx type=\"TBX-Basic\" xmlns=\"urn:iso:std:iso:30042:ed-2\">&x;</tbx>", "application/x-tbx+xml", 400)]
    [InlineData("<tbx type=\"TBX-Basic\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry", "application/x-tbx+xml", 400)]
    [InlineData("<martif type=\"TBX-Basic\"/>", "application/xml", 400)]
    [InlineData("source,target\r\na,b\r\n", "text/csv", 400)]
    [InlineData("{\"terms\": []}", "application/json", 415)]
    public async Task Files_that_are_not_a_glossary_are_refused(string body, string mediaType, int status)
    {
        using var response = await api.Client.PostAsync("/api/v1/glossary/import", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<GlossaryImportResponse> ImportAsync(string body, string mediaType)
    {
        using var response = await api.Client.PostAsync("/api/v1/glossary/import", new StringContent(body, Encoding.UTF8, mediaType));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<GlossaryImportResponse>(TestJson.Options))!;
    }
}
