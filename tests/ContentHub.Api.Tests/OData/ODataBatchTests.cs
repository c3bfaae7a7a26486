using System.Net;
using System.Text;
using System.Text.Json;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// JSON <c>$batch</c> through HTTP: each request answered as it would be on its own, with the batch's
/// authorization; a malformed batch refused whole, a failing request failing alone.
/// </summary>
public sealed class ODataBatchTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task A_home_page_gets_news_videos_and_banners_in_one_request_each_as_on_its_own()
    {
        string[] urls = ["Articles?$top=2&$select=Title,PublishedAt", "Videos?$select=Title,DurationSeconds", "PromoAssets", "Articles/$count", "Categories?$select=Name"];

        var responses = await BatchAsync(api.PortalClient(), urls.Select((url, i) => Get($"r{i}", url, ("Accept-Language", "lo"))).ToArray());

        Assert.Equal(urls.Length, responses.Count);
        foreach (var (url, i) in urls.Select((u, i) => (u, i)))
        {
            using var alone = new HttpRequestMessage(HttpMethod.Get, "/odata/" + url);
            alone.Headers.Add("Accept-Language", "lo");
            using var direct = await api.PortalClient().SendAsync(alone);
            var part = responses[i];
            Assert.Equal($"r{i}", part.GetProperty("id").GetString());
            Assert.Equal((int)direct.StatusCode, part.GetProperty("status").GetInt32());
            var body = part.GetProperty("body");
            Assert.Equal(await direct.Content.ReadAsStringAsync(), body.ValueKind == JsonValueKind.String ? body.GetString() : body.GetRawText());
            Assert.Equal(direct.Content.Headers.ContentLanguage.SingleOrDefault(), part.GetProperty("headers").TryGetProperty("content-language", out var language) ? language.GetString() : null);
        }
    }

    [Fact]
    public async Task Each_request_has_the_batchs_authorization_and_no_other()
    {
        using var anonymous = api.Factory.CreateClient();
        var refused = await BatchAsync(anonymous, Get("a", "Articles"), Get("b", "Articles", ("X-Api-Key", api.Key)), Get("c", $"Videos?portal={api.PublicSlug}"), Get("d", "$metadata"));

        Assert.Equal([401, 401, 200, 200], refused.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("Unauthorized", refused[0].GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("<?xml", refused[3].GetProperty("body").GetString(), StringComparison.Ordinal);

        var keyed = await BatchAsync(api.PortalClient(), Get("a", "Articles?$select=Id", ("X-Api-Key", "chk_not-a-key")));
        Assert.Equal(200, keyed.Single().GetProperty("status").GetInt32());

        // A staff token opens no portal route, in a batch or not.
        var staff = await BatchAsync(api.Client, Get("a", "Articles"));
        Assert.Equal(401, staff.Single().GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_failing_request_fails_alone_in_the_odata_error_format()
    {
        var responses = await BatchAsync(
            api.PortalClient(),
            Get("bad", "Articles?$filter=Title eq"),
            Get("escape", "Articles?$filter=Title eq '%FF'"),
            new { id = "write", method = "POST", url = "Articles" },
            Get("nested", "$batch"),
            Get("elsewhere", "http://other.example/api/v1/items"),
            Get("reference", "$bad/Title"),
            Get("good", "Articles?$top=1&$select=Title"));

        Assert.Equal([400, 400, 405, 400, 400, 400, 200], responses.Select(r => r.GetProperty("status").GetInt32()));
        Assert.All(responses.Take(6), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("body").GetProperty("error").GetProperty("message").GetString())));
    }

    [Theory]
    [InlineData("""{"requests":[]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("""[1,2]""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a","method":"get","url":"Articles"},{"id":"a","method":"get","url":"Videos"}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a","method":"get","url":"Articles","frobnicate":1}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a","method":"get","url":"Articles","dependsOn":["b"]}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a","method":"get","url":"Articles","headers":{"accept":1}}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a","method":"get","url":"Articles","body":{"x":1}}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a","method":"get"}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[{"id":"a\u0000","method":"get","url":"Articles"}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"requests":[""", HttpStatusCode.BadRequest)]
    public async Task A_malformed_batch_is_refused_whole(string batch, HttpStatusCode status)
    {
        using var content = new StringContent(batch, Encoding.UTF8, "application/json");
        using var response = await api.PortalClient().PostAsync("/odata/$batch", content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{batch}: {(int)response.StatusCode} {body}");
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Batches_are_bounded_in_requests_size_and_format()
    {
        var many = new { requests = Enumerable.Range(0, 21).Select(i => Get($"r{i}", "Articles")).ToArray() };
        using var tooMany = await PostAsync(JsonSerializer.Serialize(many), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("QueryLimitExceeded", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var huge = await PostAsync("{\"requests\":[" + new string(' ', 70 * 1024) + "]}", "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        using var multipart = await PostAsync("--batch\r\n", "multipart/mixed; boundary=batch");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, multipart.StatusCode);
    }

    [Fact]
    public async Task Mangled_batches_never_get_a_5xx()
    {
        var valid = JsonSerializer.Serialize(new { requests = new[] { Get("a", "Articles?$top=1", ("Accept", "application/json")), Get("b", "Videos/$count"), Get("c", "$metadata") } });
        var random = new Random(1985);
        const string noise = "{}[]\":,\\u0000 \u00e9\ud800-$/?&=%'";
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder(valid);
            for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)); break;
                    case 1: text.Insert(at, noise[random.Next(noise.Length)]); break;
                    default: text[at] = noise[random.Next(noise.Length)]; break;
                }
            }

            using var response = await PostAsync(text.ToString(), "application/json");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{text}: {(int)response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.All(json.RootElement.GetProperty("responses").EnumerateArray(), r => Assert.InRange(r.GetProperty("status").GetInt32(), 200, 499));
            }
            else
            {
                Assert.True(json.RootElement.TryGetProperty("error", out _), body);
            }
        }
    }

    private static object Get(string id, string url, params (string Name, string Value)[] headers) =>
        new { id, method = "get", url, headers = headers.ToDictionary(h => h.Name, h => h.Value) };

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return await api.PortalClient().PostAsync("/odata/$batch", content);
    }

    private static async Task<List<JsonElement>> BatchAsync(HttpClient client, params object[] requests)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { requests }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/odata/$batch", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("responses").EnumerateArray().Select(r => r.Clone()).ToList();
    }
}
