using System.Net;
using System.Text.Json;
using Xunit.Abstractions;
using Row = ContentHub.Api.Tests.OData.Differential.DifferentialFixture.Row;

namespace ContentHub.Api.Tests.OData.Differential;

/// <summary>
/// Thousands of seeded random queries, each answered by the service through HTTP and compared with
/// <see cref="FilterGenerator"/>'s own evaluation of OData's rules over the same rows. A differing
/// answer, a 4xx for a valid query or a 5xx fails the test with the query that caused it.
/// </summary>
public sealed class ODataDifferentialTests(DifferentialFixture api, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    private const int Filters = 1500;
    private const int Orders = 300;
    private const int Aggregations = 200;

    [Fact]
    public async Task Random_filters_select_exactly_the_rows_OData_selects()
    {
        var random = new Random(20261201);
        var generator = new FilterGenerator(random, api.Rows);
        var failures = new List<string>();
        using var client = api.ClientWithKey(api.Key);
        for (var i = 0; i < Filters && failures.Count < 20; i++)
        {
            var filter = generator.Bool(random.Next(0, 4));
            var expected = api.Rows.Where(r => filter.Eval(r) is true).Select(r => r.Id).Order().ToList();
            var (status, body) = await GetAsync(client, "$filter=" + Uri.EscapeDataString(filter.OData) + "&$select=Id");
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"{(int)status} for {filter.OData}: {body[..Math.Min(200, body.Length)]}");
                continue;
            }

            var actual = Ids(body).Order().ToList();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{filter.OData}: OData selects {expected.Count}, the service {actual.Count} (missing {expected.Except(actual).Count()}, extra {actual.Except(expected).Count()})");
            }
        }

        output.WriteLine($"{Filters} filters over {api.Rows.Count} rows; {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Random_orders_with_top_and_skip_page_as_OData_orders()
    {
        var random = new Random(1201);
        var keys = new (string OData, Func<Row, IComparable> Key)[]
        {
            ("Title", r => new Ordinal(r.Title)), ("Slug", r => new Ordinal(r.Slug)), ("PublishedAt", r => r.PublishedAt.UtcTicks), ("length(Title)", r => r.Title.Length),
            ("Summary", r => new Ordinal(r.Summary)), ("SeoDescription", r => new Ordinal(r.SeoDescription)), ("length(Summary)", r => new Ordinal(r.Summary?.Length.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))),
        };
        var failures = new List<string>();
        using var client = api.ClientWithKey(api.Key);
        for (var i = 0; i < Orders && failures.Count < 20; i++)
        {
            var chosen = Enumerable.Range(0, random.Next(1, 3)).Select(_ => (keys[random.Next(keys.Length)], Descending: random.Next(2) == 0)).ToList();
            var (top, skip) = (random.Next(1, 12), random.Next(0, 32));
            var orderBy = string.Join(",", chosen.Select(k => k.Item1.OData + (k.Descending ? " desc" : string.Empty))) + ",Id";
            IOrderedEnumerable<Row>? sorted = null;
            foreach (var ((_, key), descending) in chosen)
            {
                sorted = sorted is null
                    ? (descending ? api.Rows.OrderByDescending(key) : api.Rows.OrderBy(key))
                    : (descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key));
            }

            var expected = sorted!.ThenBy(r => r.Id.ToString(), StringComparer.Ordinal).Skip(skip).Take(top).Select(r => r.Id).ToList();
            var (status, body) = await GetAsync(client, $"$orderby={Uri.EscapeDataString(orderBy)}&$top={top}&$skip={skip}&$select=Id");
            var actual = status == HttpStatusCode.OK ? Ids(body) : [];
            if (status != HttpStatusCode.OK || !expected.SequenceEqual(actual))
            {
                failures.Add($"$orderby={orderBy}&$top={top}&$skip={skip}: {(int)status}, {actual.Count} rows, {(expected.SequenceEqual(actual) ? "same" : "different")} order {(status == HttpStatusCode.OK ? string.Empty : body[..Math.Min(200, body.Length)])}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Random_filters_inside_apply_count_per_group_what_OData_selects()
    {
        var random = new Random(2026);
        var generator = new FilterGenerator(random, api.Rows);
        var failures = new List<string>();
        using var client = api.ClientWithKey(api.Key);
        for (var i = 0; i < Aggregations && failures.Count < 20; i++)
        {
            var filter = generator.Bool(random.Next(0, 3));
            var selected = api.Rows.Where(r => filter.Eval(r) is true).ToList();
            var byLanguage = random.Next(2) == 0;
            var apply = byLanguage
                ? $"filter({filter.OData})/groupby((Language),aggregate($count as Count,PublishedAt with max as Latest))"
                : $"filter({filter.OData})/aggregate($count as Count,Id with countdistinct as Items)";
            var expected = byLanguage
                ? selected.GroupBy(r => r.Language).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key}:{g.Count()}:{g.Max(r => r.PublishedAt).UtcTicks}").ToList()
                : [$"{selected.Count}:{selected.Count}"];
            var (status, body) = await GetAsync(client, "$apply=" + Uri.EscapeDataString(apply) + (byLanguage ? "&$orderby=Language" : string.Empty));
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"{(int)status} for {apply}: {body[..Math.Min(200, body.Length)]}");
                continue;
            }

            var results = JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().ToList();
            var actual = byLanguage
                ? results.Select(r => $"{r.GetProperty("Language").GetString()}:{r.GetProperty("Count").GetInt64()}:{DateTimeOffset.Parse(r.GetProperty("Latest").GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcTicks}").ToList()
                : results.Select(r => $"{r.GetProperty("Count").GetInt64()}:{r.GetProperty("Items").GetInt64()}").ToList();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{apply}: OData gives [{string.Join(", ", expected)}], the service [{string.Join(", ", actual)}]");
            }
        }

        output.WriteLine($"{Aggregations} aggregations over {api.Rows.Count} rows; {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("SeoDescription", false)]
    [InlineData("SeoDescription", true)]
    [InlineData("Summary", false)]
    [InlineData("Summary", true)]
    public async Task Keyset_pages_keep_OData_null_order(string property, bool descending)
    {
        Func<Row, Ordinal> key = property == "Summary" ? r => new Ordinal(r.Summary) : r => new Ordinal(r.SeoDescription);
        var sorted = descending ? api.Rows.OrderByDescending(key) : api.Rows.OrderBy(key);
        var expected = sorted.ThenBy(r => r.Id.ToString(), StringComparer.Ordinal).Select(r => r.Id).ToList();

        using var client = api.ClientWithKey(api.Key);
        var seen = new List<Guid>();
        string? next = $"/odata/Articles?lang=en&$select=Id&$orderby={property}{(descending ? " desc" : string.Empty)},Id";
        for (var page = 0; next is not null && page < 20; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=4");
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var json = JsonDocument.Parse(body);
            seen.AddRange(json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Id").GetGuid()));
            next = json.RootElement.TryGetProperty("@nextLink", out var link) || json.RootElement.TryGetProperty("@odata.nextLink", out link) ? link.GetString() : null;
        }

        Assert.Equal(expected, seen);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Articles?lang=en&" + (query.Contains("$top=", StringComparison.Ordinal) || query.StartsWith("$apply", StringComparison.Ordinal) ? string.Empty : "$top=100&") + query);
        request.Headers.Add("Prefer", "odata.maxpagesize=100");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<Guid> Ids(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Id").GetGuid()).ToList();

    // PostgreSQL's "C" collation orders text by code point, as ordinal comparison does (the texts hold no
    // astral characters); OData puts null before every value (so first ascending, last descending).
    private sealed record Ordinal(string? Text) : IComparable
    {
        public int CompareTo(object? obj) => (Text, ((Ordinal)obj!).Text) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            var (a, b) => string.CompareOrdinal(a, b),
        };
    }
}
