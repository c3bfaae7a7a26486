using System.Globalization;
using System.Net;
using System.Text.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// Queries that an outside client's random queries answered with a 500, a 400 although valid, a
/// wrong result, or a 200 although malformed: each now gets OData's answer.
/// </summary>
public sealed class ODataRegressionTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Date_literals_with_the_provinces_offset_mean_the_same_instant()
    {
        var alpha = await PublishedAtAsync(api.Alpha);
        var local = alpha.ToOffset(TimeSpan.FromHours(7));
        var from = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, local.Offset);

        var ids = await IdsAsync($"$filter=PublishedAt ge {Literal(from)} and PublishedAt lt {Literal(from.AddSeconds(1))}");

        Assert.Contains(api.Alpha, ids);
        Assert.Empty(await IdsAsync($"$filter=PublishedAt lt {Literal(new DateTimeOffset(2000, 1, 1, 7, 0, 0, TimeSpan.FromHours(7)))}"));
        var answer = await GetJsonAsync($"$filter=Id eq {api.Alpha}&$select=PublishedAt");
        Assert.EndsWith("Z", answer.GetProperty("value")[0].GetProperty("PublishedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task String_functions_apply_to_language_tags()
    {
        Assert.Equal([api.Alpha], await IdsAsync("$filter=contains(Language,'en')"));
        Assert.Equal(api.Alpha, (await IdsAsync("$orderby=tolower(Language),Id"))[0]);
        Assert.Equal([api.Gamma], await IdsAsync("$filter=AvailableLanguages/any(t: startswith(t,'l'))"));
    }

    [Fact]
    public async Task Any_without_a_lambda_asks_for_a_non_empty_collection_and_all_needs_one()
    {
        Assert.Equal(new[] { api.Alpha, api.Gamma }.Order(), (await IdsAsync("$filter=Tags/any()")).Order());
        // Superset: another test of this class may publish an item meanwhile; every entry has languages.
        Assert.Superset(new HashSet<Guid> { api.Alpha, api.Beta, api.Gamma }, (await IdsAsync("$filter=AvailableLanguages/any()")).ToHashSet());
        await AssertErrorAsync("$filter=Tags/all()", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Null_compares_as_OData_says()
    {
        Assert.Empty(await IdsAsync("$filter=ReviewedAt eq null"));
        Assert.Superset(new HashSet<Guid> { api.Alpha, api.Beta, api.Gamma }, (await IdsAsync("$filter=ReviewedAt ne null")).ToHashSet());
        // contains(null,'+') is null, not null is null, and only true selects a row: SeoDescription is null in all three.
        Assert.Empty(await IdsAsync("$filter=contains(SeoDescription,'+')"));
        Assert.Empty(await IdsAsync("$filter=not contains(SeoDescription,'+')"));
        Assert.Empty(await IdsAsync("$filter=not (contains(SeoDescription,'+') or Title eq 'none')"));
        Assert.Superset(new HashSet<Guid> { api.Alpha, api.Beta, api.Gamma }, (await IdsAsync("$filter=not (startswith(Title,'zz') and Title ne 'x')")).ToHashSet());
    }

    [Fact]
    public async Task In_lists_read_as_OData_4_01_writes_them()
    {
        Assert.Equal([api.Alpha], await IdsAsync("$filter=Title IN ('Alpha en','nothing')"));
        Assert.Equal([api.Alpha], await IdsAsync("$filter=Title In ('Alpha en')"));
        Assert.Equal([api.Alpha], await IdsAsync("$filter=Title in (@t,'nothing')&@t='Alpha en'"));
        Assert.Empty(await IdsAsync("$filter=Title in ('\\','it''s')"));
        Assert.Empty(await IdsAsync("$filter=SeoDescription in ('')"));
        Assert.Equal([api.Beta], await IdsAsync("$filter=Title eq ' in (' or Title EQ 'Beta vi'"));
    }

    [Fact]
    public async Task Second_truncates_the_fraction()
    {
        foreach (var id in new[] { api.Alpha, api.Beta, api.Gamma })
        {
            var second = (await PublishedAtAsync(id)).Second;
            Assert.Contains(id, await IdsAsync($"$filter=second(PublishedAt) eq {second}"));
        }
    }

    [Theory]
    [InlineData("$frobnicate=1")]
    [InlineData("$select=Id,")]
    [InlineData("$select=Id,,Title")]
    [InlineData("$top=1&$top=2")]
    [InlineData("$filter=Title eq '%FF'")]
    [InlineData("$fil%ZZter=1")]
    [InlineData("$filter=Title eq '%C3'")]
    [InlineData("$search=(alpha")]
    [InlineData("$search=\"alpha")]
    [InlineData("$search=alpha AND")]
    public async Task Malformed_requests_are_400_in_the_odata_error_format(string query) =>
        await AssertErrorAsync(query, HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("$filter=matchesPattern(Title,'^A')")]
    [InlineData("$apply=groupby((Category/Name))")]
    [InlineData("$compute=time(PublishedAt) as T&$filter=T lt 12:00:00")]
    public async Task Valid_constructs_not_implemented_are_501(string query) =>
        await AssertErrorAsync(query, HttpStatusCode.NotImplemented);

    [Fact]
    public async Task Search_accepts_every_script_of_the_six_languages_and_finds_exact_words()
    {
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var request = await api.Given.ArticleRequestAsync();
        var item = await api.Given.ItemAsync(request with { CategoryId = (await api.Given.CategoryAsync()).Id, Variant = new VariantRequest("Bắc Giang mời gọi đầu tư", "Nội dung") });
        await api.Given.VariantAsync(item.Id, "lo", "ແຂວງບັກຢາງ ເຊີນຊວນການລົງທຶນ");
        await api.Given.VariantAsync(item.Id, "en", "Bac Giang invites investment 投资 투자 投資");
        await Steps.PublishAsync(api.Client, reviewer, item.Id);

        Assert.Contains(item.Id, await IdsAsync("lang=lo&$search=ເຊີນຊວນ"));
        Assert.Contains(item.Id, await IdsAsync("lang=lo&$search=\"ແຂວງບັກຢາງ ເຊີນຊວນ\""));
        Assert.DoesNotContain(item.Id, await IdsAsync("lang=lo&$search=ສະບາຍດີ"));
        Assert.Contains(item.Id, await IdsAsync("lang=en&$search=投资 AND 투자"));
        Assert.Contains(item.Id, await IdsAsync("lang=en&$search=投資 OR nothing"));
        Assert.DoesNotContain(item.Id, await IdsAsync("lang=en&$search=投资 AND NOT 투자"));
    }

    private async Task AssertErrorAsync(string query, HttpStatusCode status)
    {
        using var client = api.PortalClient();
        using var response = await client.GetAsync("/odata/Articles?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{query}: {(int)response.StatusCode} {body}");
        using var error = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("error").GetProperty("message").GetString()));
    }

    private async Task<List<Guid>> IdsAsync(string query)
    {
        var answer = await GetJsonAsync(query + (query.Contains("$select", StringComparison.Ordinal) ? string.Empty : "&$select=Id") + "&$top=100");
        return answer.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Id").GetGuid()).ToList();
    }

    private async Task<DateTimeOffset> PublishedAtAsync(Guid id)
    {
        var answer = await GetJsonAsync($"$filter=Id eq {id}&$select=Id,PublishedAt");
        return DateTimeOffset.Parse(answer.GetProperty("value")[0].GetProperty("PublishedAt").GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task<JsonElement> GetJsonAsync(string query)
    {
        using var client = api.PortalClient();
        using var response = await client.GetAsync("/odata/Articles?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Literal(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
}
