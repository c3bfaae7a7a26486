using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// Malformed and hostile queries, as an outside client sends them: a fixed corpus of known shapes
/// and a seeded generator that mangles valid queries. Every answer is a 4xx or a 501 in the OData
/// error format, never a 5xx, and comes within a second.
/// </summary>
public sealed class ODataMalformedCorpusTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    private static readonly string[] Valid =
    [
        "$filter=contains(Title,'a') and year(PublishedAt) ge 2020",
        "$filter=Language in ('en','vi') or Tags/any(t: t eq 'x')",
        "$orderby=PublishedAt desc,Title&$top=5&$skip=1",
        "$select=Id,Title&$expand=Category($select=Name)",
        "$filter=not startswith(Slug,'b') and length(Title) gt 3",
        "$search=bac AND (giang OR \"tay yen tu\")",
        "$filter=AvailableLanguages/all(l: l ne 'lo')&$count=true",
    ];

    public static TheoryData<string> Corpus()
    {
        var deep = new string('(', 1000) + "true" + new string(')', 1000);
        var data = new TheoryData<string>
        {
            "$filter=Title eq 'unterminated",
            "$filter=(Title eq 'a'",
            "$filter=Title eq 'a')",
            "$filter=contains(Title)",
            "$filter=contains(Title,'a','b')",
            "$filter=substring()",
            "$filter=year(PublishedAt,1) eq 2026",
            "$filter=PublishedAt gt 2026-13-45T25:61:00Z",
            "$filter=PublishedAt gt 2026-01-01T00:00:00+25:00",
            "$filter=Id eq not-a-guid",
            "$filter=DurationSeconds eq 99999999999999999999999",
            "$filter=Language eq 'xx-nope'",
            "$filter=Unknown eq 1",
            "$filter=Title eq 1 eq 2",
            "$filter=" + deep,
            "$filter=" + string.Join(" or ", Enumerable.Range(0, 1200).Select(i => $"Title eq '{i}'")),
            "$filter=Title in (" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"'{i}'")) + ")",
            "$filter=Title eq '" + new string('x', 10_000) + "'",
            "$top=2147483648",
            "$top=2147483647",
            "$skip=2147483648",
            "$skip=-1",
            "$top=-1",
            "$top=abc",
            "$filter=Title eq 'a'&$filter=Title eq 'b'",
            "$orderby=Title&$orderby=Slug",
            "$orderby=Title sideways",
            "$orderby=",
            "$select=Nope",
            "$expand=Category($expand=Parent($expand=Parent))",
            "$expand=Nothing",
            "$skiptoken=garbage",
            "$skiptoken=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("[1,2,3]")),
            "$count=maybe",
            "$search=",
            "$search=NOT",
            "$search=\"\"",
            "$search=" + string.Join(" ", Enumerable.Range(0, 50).Select(i => "w" + i)),
            "$filter=Title eq '%FF%FE'",
            "$filter=Title eq '%E0%A4'",
            "$filter=%",
            "$filter=Title eq @missing",
            "$filter=Tags/all()",
            "$filter=Tags/any(t:)",
            "$filter=Tags/any(t: t eq)",
            "$filter=isof(Title,Edm.String)",
            "$filter=time(PublishedAt) lt 12:00:00",
            "$filter=1 div 0 eq 1",
            "$filter=DurationSeconds mod 0 eq 1",
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Each_malformed_query_of_the_corpus_is_refused_cleanly(string query)
    {
        await AssertRefusedOrAnsweredAsync("/odata/Articles?" + query, allowOk: query.StartsWith("$top=2147483647", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generated_mangled_queries_never_get_a_5xx()
    {
        var random = new Random(20261201);
        const string noise = "()',;:=&$@%*/\\\" \u0000\u00a0\u0e9a\u0eb1投";
        for (var round = 0; round < 300; round++)
        {
            var chars = Valid[random.Next(Valid.Length)].ToCharArray().ToList();
            for (var edit = random.Next(1, 4); edit > 0; edit--)
            {
                var at = random.Next(chars.Count + 1);
                switch (random.Next(3))
                {
                    case 0: chars.Insert(at, noise[random.Next(noise.Length)]); break;
                    case 1 when chars.Count > 1: chars.RemoveAt(Math.Min(at, chars.Count - 1)); break;
                    default: if (chars.Count > 0) { chars[Math.Min(at, chars.Count - 1)] = noise[random.Next(noise.Length)]; } break;
                }
            }

            var query = string.Concat(chars);
            var set = random.Next(4) == 0 ? "Categories" : "Articles";
            await AssertRefusedOrAnsweredAsync($"/odata/{set}?" + Uri.EscapeDataString(query).Replace("%3D", "=", StringComparison.Ordinal).Replace("%26", "&", StringComparison.Ordinal), allowOk: true);
        }
    }

    // A 4xx or 501 in the OData error format; a 200 only where the mangled query is still valid; never a 5xx; within a second.
    private async Task AssertRefusedOrAnsweredAsync(string url, bool allowOk)
    {
        using var client = api.PortalClient();
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();

        var status = (int)response.StatusCode;
        Assert.True(status < 500 || status == 501, $"{url[..Math.Min(url.Length, 300)]}: {status} {body[..Math.Min(body.Length, 300)]}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{url[..Math.Min(url.Length, 200)]} took {clock.ElapsedMilliseconds} ms");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.True(allowOk, $"{url[..Math.Min(url.Length, 300)]} was answered 200");
            return;
        }

        using var error = JsonDocument.Parse(body);
        Assert.True(error.RootElement.TryGetProperty("error", out var detail) && detail.TryGetProperty("message", out _), $"{url[..Math.Min(url.Length, 200)]}: {body[..Math.Min(body.Length, 300)]}");
    }
}
