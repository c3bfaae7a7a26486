using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Translation;
using ContentHub.Api.Tests.Media;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Translation;
using ContentHub.Testing;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>
/// A video's subtitle track and transcript take part in translation like the rest of its text, a
/// cue or a transcript line a segment:
/// machine drafts write a track in the target language with the source's timings, the review and
/// XLIFF show the cues, checks hold translators to them, memory learns them, and a new source
/// track makes the translation outdated.
/// </summary>
public sealed class SubtitleTranslationTests(TranslatorFixture api) : IClassFixture<TranslatorFixture>
{
    private static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:2.0";

    private static string Track(string marker) =>
        $"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Người dẫn>Chào mừng đến Bắc Giang {marker}\n\n2\n00:00:04.500 --> 00:00:08.000 line:90%\nNăm 2026 có nhiều lễ hội\nở Lục Ngạn {marker}\n";

    [Fact]
    public async Task Cues_are_machine_drafted_into_a_track_of_the_target_language_reviewed_exchanged_and_remembered()
    {
        var (editor, reviewer, translator, itemId, marker) = await ApprovedVideoAsync();

        var before = api.Translator.Calls.Count;
        var job = await FinishedAsync(translator, (await MachineAsync(translator, itemId, "en")).Id);

        Assert.Equal("Done", job.State);
        var sent = api.Translator.Calls.Skip(before).Single(c => c.Status == 200).Texts;
        Assert.Contains(sent, t => t.Contains($"Chào mừng đến Bắc Giang {marker}", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, t => t.Contains("-->", StringComparison.Ordinal) || t.Contains("2026", StringComparison.Ordinal));
        var english = await TrackAsync(translator, itemId, "en");
        Assert.Equal(
            $"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n⟨en⟩<v Người dẫn>Chào mừng đến Bắc Giang {marker}\n\n2\n00:00:04.500 --> 00:00:08.000 line:90%\n⟨en⟩Năm 2026 có nhiều lễ hội\nở Lục Ngạn {marker}\n\n",
            english);
        Assert.Equal(TranslationState.MachineTranslated, (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "en").State);
        Assert.Equal($"⟨en⟩Người dẫn: chào mừng {marker}.\n\n⟨en⟩Năm 2026 có nhiều lễ hội.", (await VariantAsync(translator, itemId, "en")).Transcript);

        var review = (await translator.GetFromJsonAsync<TranslationReviewResponse>($"/api/v1/items/{itemId}/translations/en/review", TestJson.Options))!;
        var cues = review.Segments.Where(s => s.Id.StartsWith("subtitles/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["subtitles/0", "subtitles/1"], cues.Select(s => s.Id));
        Assert.All(cues, c => Assert.Equal("translated", c.State));
        Assert.Equal($"{{1/}}Chào mừng đến Bắc Giang {marker}", cues[0].Source);

        // The translator fixes the first cue in an XLIFF file; the track changes with it, timings kept.
        var document = XDocument.Parse(await translator.GetStringAsync($"/api/v1/translation/xliff?items={itemId}&language=en"), LoadOptions.PreserveWhitespace);
        var unit = document.Descendants(Xliff + "unit").Single(u => (string?)u.Attribute("id") == "subtitles.0");
        var target = unit.Descendants(Xliff + "target").Single();
        target.ReplaceNodes(target.Nodes().First(n => n is XElement), new XText($"Welcome to Bac Giang {marker}"));
        using (var imported = await translator.PostAsync("/api/v1/translation/xliff", new StringContent(document.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, XliffFormat.MediaType)))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        english = await TrackAsync(translator, itemId, "en");
        Assert.Contains($"00:00:01.000 --> 00:00:04.000\n<v Người dẫn>Welcome to Bac Giang {marker}\n", english, StringComparison.Ordinal);
        Assert.Equal(TranslationOrigin.PostEdited, (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "en").Provenance!.Origin);

        using (var submitted = await StepAsync(translator, itemId, "en", "submit", new SubmitTranslationRequest("Machine prefixes kept on purpose")))
        {
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        }

        using (var approved = await Steps.TryLanguageAsync(reviewer, itemId, "en", "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        var memory = await translator.GetStringAsync("/api/v1/translation/memory?source=vi&target=en");
        Assert.Contains($"Welcome to Bac Giang {marker}", memory, StringComparison.Ordinal);

        // A new source track: the English translation is outdated.
        var replaced = await UploadTrackAsync(editor, Track(marker + " mới"));
        await PutVideoAsync(editor, itemId, replaced);
        Assert.Equal(TranslationState.Outdated, (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "en").State);
    }

    [Fact]
    public async Task A_translation_without_the_sources_cues_does_not_go_to_review()
    {
        var (_, _, translator, itemId, _) = await ApprovedVideoAsync();
        using (var written = await translator.PutAsJsonAsync($"/api/v1/items/{itemId}/variants/ko", new VariantRequest("박장 영상", "박장에 오신 것을 환영합니다.", Transcript: "진행자: 환영합니다.\n\n2026년에는 축제가 많습니다."), TestJson.Options))
        {
            Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        }

        using var blocked = await StepAsync(translator, itemId, "ko", "submit", new SubmitTranslationRequest("none"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var findings = JsonDocument.Parse(await blocked.Content.ReadAsStringAsync()).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["subtitles/0", "subtitles/1"], findings.Where(f => f.GetProperty("check").GetString() == "structure").Select(f => f.GetProperty("segment").GetString()));
    }

    [Fact]
    public async Task A_translator_fixes_cues_one_by_one_and_the_track_keeps_the_sources_timings()
    {
        var (editor, _, translator, itemId, marker) = await ApprovedVideoAsync();
        Assert.Equal("Done", (await FinishedAsync(translator, (await MachineAsync(translator, itemId, "ko")).Id)).State);

        using (var fixedCue = await PutCuesAsync(translator, itemId, "ko", new() { ["subtitles/1"] = $"{{1/}}년 축제가 많다{{2/}}루까인 {marker}" }))
        {
            Assert.True(fixedCue.IsSuccessStatusCode, await fixedCue.Content.ReadAsStringAsync());
        }

        var korean = await TrackAsync(translator, itemId, "ko");
        Assert.Contains($"1\n00:00:01.000 --> 00:00:04.000\n⟨ko⟩<v Người dẫn>Chào mừng đến Bắc Giang {marker}\n", korean, StringComparison.Ordinal);
        Assert.Contains($"2\n00:00:04.500 --> 00:00:08.000 line:90%\n2026년 축제가 많다\n루까인 {marker}\n", korean, StringComparison.Ordinal);
        Assert.Equal(TranslationOrigin.PostEdited, (await StatesAsync(translator, itemId)).Languages.Single(l => l.Language == "ko").Provenance!.Origin);

        // Wrong cue ids and lost codes are refused, naming the cue; nothing changes.
        using (var wrong = await PutCuesAsync(translator, itemId, "ko", new() { ["subtitles/9"] = "x", ["subtitles/0"] = "코드 없음" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var errors = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("cues.subtitles/9", out _));
            Assert.True(errors.TryGetProperty("cues.subtitles/0", out _));
        }

        Assert.Equal(korean, await TrackAsync(translator, itemId, "ko"));
        using (var stale = await PutCuesAsync(translator, itemId, "ko", new() { ["subtitles/0"] = "{1/}박장" }, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        var (english, _) = await Staff.NewAsync(api.Factory, [Role.Translator], (await editor.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{itemId}", TestJson.Options))!.OrgUnitId, ["en"]);
        using (var forbidden = await PutCuesAsync(english, itemId, "ko", new() { ["subtitles/0"] = "{1/}박장" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
    }

    [Fact]
    public async Task Generated_cue_text_is_taken_or_refused_and_the_track_stays_well_formed_with_its_timings()
    {
        var (_, _, translator, itemId, _) = await ApprovedVideoAsync();
        Assert.Equal("Done", (await FinishedAsync(translator, (await MachineAsync(translator, itemId, "ko")).Id)).State);
        string[] pieces = ["{1/}", "{2/}", "{1}", "{/1}", "{99/}", "{", "}", "{{", "}}", "-->", "\n\n", "<b>", "&amp;", "축제", " ", "NOTE", "00:00:01.000 --> 00:00:02.000", "\u00e9"];
        var random = new Random(61206);
        for (var round = 0; round < 40; round++)
        {
            var id = random.Next(4) == 0 ? $"subtitles/{random.Next(-1, 4)}" : $"subtitles/{random.Next(2)}";
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            using var response = await PutCuesAsync(translator, itemId, "ko", new() { [id] = text });

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{id} = {text}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var track = await TrackAsync(translator, itemId, "ko");
            Assert.Null(WebVtt.FirstError(Encoding.UTF8.GetBytes(track)));
            Assert.Equal(["00:00:01.000 --> 00:00:04.000", "00:00:04.500 --> 00:00:08.000 line:90%"], track.Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal)));
        }
    }

    private static async Task<HttpResponseMessage> PutCuesAsync(HttpClient client, Guid itemId, string language, Dictionary<string, string> cues, string? etag = null)
    {
        etag ??= (await client.GetAsync($"/api/v1/items/{itemId}/variants/{language}")).Headers.ETag?.ToString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{itemId}/translations/{language}/subtitles")
        {
            Content = JsonContent.Create(new TranslatedCuesRequest(cues), options: TestJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private async Task<(HttpClient Editor, HttpClient Reviewer, HttpClient Translator, Guid ItemId, string Marker)> ApprovedVideoAsync()
    {
        var unit = await api.Given.OrgUnitAsync();
        var category = await api.Given.CategoryAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en", "ko"]);
        // Letters only, so that the memory of one test never serves another's cues.
        var marker = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c));
        var track = await UploadTrackAsync(editor, Track(marker));
        var request = new CreateItemRequest(ContentKind.Video, "vi", unit.Id, category.Id, new VariantRequest($"Phim về Bắc Giang {marker}", "Giới thiệu tỉnh.", Transcript: $"Người dẫn: chào mừng {marker}.\n\nNăm 2026 có nhiều lễ hội."),
            Video: new VideoFields(10, "https://v.example/bac-giang.mp4", Subtitles: [new LanguageFile(track, "vi")]));
        using var created = await editor.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var item = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        await Steps.TakeAsync(editor, item.Id, "submit");
        await Steps.TakeAsync(reviewer, item.Id, "approve");
        return (editor, reviewer, translator, item.Id, marker);
    }

    private static async Task<Guid> UploadTrackAsync(HttpClient client, string track)
    {
        using var response = await MediaHttp.UploadAsync(client, Encoding.UTF8.GetBytes(track), "text/vtt", "vi.vtt");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string> TrackAsync(HttpClient client, Guid itemId, string language)
    {
        var item = (await client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{itemId}", TestJson.Options))!;
        var file = Assert.Single(item.Video!.Subtitles!, s => s.Language == language);
        return await client.GetStringAsync($"/api/v1/media/{file.FileId}/content");
    }

    private static async Task PutVideoAsync(HttpClient editor, Guid itemId, Guid sourceTrack)
    {
        using var read = await editor.GetAsync($"/api/v1/items/{itemId}");
        var item = (await read.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        var subtitles = item.Video!.Subtitles!.Where(s => s.Language != "vi").Append(new LanguageFile(sourceTrack, "vi")).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{itemId}")
        {
            Content = JsonContent.Create(new UpdateItemRequest(item.OrgUnitId, item.CategoryId, Video: item.Video with { Subtitles = subtitles }), options: TestJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.ToString());
        using var response = await editor.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
