using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContentHub.Domain.Audit;
using ContentHub.Api.Http;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Input;

/// <summary>
/// Text a client sends is refused with the field named when PostgreSQL could not store it (NUL,
/// other C0 controls, lone surrogates) or when it is longer than its column, before the database
/// sees it: a 400, never a 500, and nothing written. Failed sign-ins are audited even then.
/// </summary>
public sealed class BoundedInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // JSON escapes, so that the characters reach the server exactly as a hostile client would send them.
    private static readonly string[] BadText = [@"\u0000", @"\u0001", @"\u001b", @"\u007f", @"\ud800", @"\udfff", @"a\u0000b"];

    [Theory]
    [InlineData(@"ad\u0000min")]
    [InlineData(@"\u0000")]
    [InlineData(@"admin\u001f")]
    public async Task A_sign_in_with_a_control_character_is_refused_and_audited(string escapedName)
    {
        var marker = Given.Unique("nul");
        using var response = await PostJsonAsync(api.Anonymous, "/api/v1/auth/token", $$"""{"userName":"{{marker}}{{escapedName}}","password":"x"}""");

        await ProblemAssert.IsValidationProblemAsync(response, "userName");
        var log = await FailedSignInsAsync(marker);
        var entry = Assert.Single(log);
        Assert.StartsWith(marker, entry.Actor, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', entry.Actor);
        Assert.Contains("refused input: userName", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_is_malformed_json_whose_problem_names_the_field()
    {
        // System.Text.Json refuses to read it as a string at all: the body is malformed, not a user name.
        using var response = await PostJsonAsync(api.Anonymous, "/api/v1/auth/token", """{"userName":"admin\ud800","password":"x"}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("$.userName", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_with_a_user_name_longer_than_any_account_is_refused_and_audited()
    {
        var marker = Given.Unique("long");
        var name = marker + new string('x', 10_000);

        using var response = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "x" });

        await ProblemAssert.IsValidationProblemAsync(response, "userName");
        var entry = Assert.Single(await FailedSignInsAsync(marker));
        Assert.Equal(name[..200], entry.Actor);
    }

    [Fact]
    public async Task A_sign_in_after_a_refused_one_works()
    {
        for (var i = 0; i < 5; i++)
        {
            using var refused = await PostJsonAsync(api.Anonymous, "/api/v1/auth/token", """{"userName":"admin\u0000","password":"x"}""");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var valid = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = ApiFactory.AdminPassword });
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }
    }

    public static TheoryData<string, string> Bodies() => new()
    {
        // Each body has one {0}: where the bad text goes; the field is the JSON path the problem must name.
        { """{"displayName":"Người {0} thử","password":"Aa1-long-enough","roles":["Editor"],"userName":"u-{1}"}""", "displayName" },
        { """{"name":"Cổng {0}","slug":"p-{1}","baseUrl":"https://example.gov.vn","languages":[{"language":"vi"}]}""", "name" },
        { """{"name":"Cổng","slug":"p-{1}","baseUrl":"https://example.gov.vn","languages":[{"language":"vi","fallbacks":["en{0}"]}]}""", "languages[0].fallbacks[0]" },
        { """{"slug":"c-{1}","names":{"vi":"Danh mục {0}"}}""", "names.vi" },
        { """{"code":"u-{1}","type":"Department","names":{"vi":"Sở {0}"}}""", "names.vi" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Bad_text_in_any_field_of_a_body_is_a_400_naming_the_field(string template, string field)
    {
        var routes = new Dictionary<string, string>
        {
            ["displayName"] = "/api/v1/users",
            ["name"] = "/api/v1/portals",
            ["languages[0].fallbacks[0]"] = "/api/v1/portals",
            ["names.vi"] = template.Contains("\"code\"", StringComparison.Ordinal) ? "/api/v1/org-units" : "/api/v1/categories",
        };
        foreach (var bad in BadText)
        {
            var body = template.Replace("{0}", bad, StringComparison.Ordinal).Replace("{1}", Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal);
            using var response = await PostJsonAsync(api.Client, routes[field], body);
            if (bad.Contains(@"\ud", StringComparison.Ordinal))
            {
                var malformed = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-request");
                Assert.Contains("$." + field.Split('[', '.')[0], malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
                continue;
            }

            var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
            Assert.Contains(TextInput.Message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_text_in_an_item_is_refused_field_by_field_and_nothing_is_written()
    {
        var request = await api.Given.ArticleRequestAsync();
        var json = JsonSerializer.Serialize(request, TestJson.Options);
        var before = await CountItemsAsync();
        var seeded = new Random(20261201);
        var controls = BadText.Where(b => !b.Contains(@"\ud", StringComparison.Ordinal)).ToArray();
        foreach (var (property, field) in new[] { ("\"title\":\"", "variant.title"), ("\"bodyMarkdown\":\"", "variant.bodyMarkdown") })
        {
            var bad = controls[seeded.Next(controls.Length)];
            using var response = await PostJsonAsync(api.Client, "/api/v1/items", json.Replace(property, property + bad, StringComparison.Ordinal));
            await ProblemAssert.IsValidationProblemAsync(response, field);
        }

        using var tags = await PostJsonAsync(api.Client, "/api/v1/items", json.Replace("\"tags\":null", "\"tags\":[\"ok\",\"x\\u0000\"]", StringComparison.Ordinal));
        await ProblemAssert.IsValidationProblemAsync(tags, "tags[1]");
        Assert.Equal(before, await CountItemsAsync());
    }

    [Fact]
    public async Task Tabs_and_line_breaks_stay_allowed()
    {
        var request = await api.Given.ArticleRequestAsync(body: "Dòng một\r\n\tDòng hai\nDòng ba");

        using var response = await api.Client.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/items?q=%00")]
    [InlineData("/api/v1/items?q=bac%01giang")]
    [InlineData("/api/v1/audit?actor=admin%00")]
    [InlineData("/api/v1/items?%00=1")]
    public async Task Bad_text_in_a_query_string_is_a_400(string url)
    {
        using var response = await api.Client.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Bad_text_in_an_odata_query_is_an_odata_error()
    {
        using var response = await api.Anonymous.GetAsync("/odata/Articles?portal=x&$filter=Title%20eq%20'%00'");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidText", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("$filter", error.RootElement.GetProperty("error").GetProperty("target").GetString());
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json) =>
        await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<List<AuditEntry>> FailedSignInsAsync(string marker)
    {
        await using var db = api.CreateDbContext();
        return db.AuditEntries.Where(e => e.Action == "auth.login-failed" && e.Actor.StartsWith(marker)).ToList();
    }

    private async Task<int> CountItemsAsync()
    {
        await using var db = api.CreateDbContext();
        return db.Items.Count();
    }
}
