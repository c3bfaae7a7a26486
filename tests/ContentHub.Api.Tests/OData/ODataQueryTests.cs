using System.Net;
using System.Text.Json;
using ContentHub.Testing;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace ContentHub.Api.Tests.OData;

public sealed class ODataQueryTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    [Fact]
    public async Task Entries_come_in_the_portals_language_or_along_its_fallback_chain()
    {
        var english = await ReadAsync("/odata/Articles");
        Assert.Equal(
            [(api.Alpha, "en", "Alpha en"), (api.Beta, "vi", "Beta vi"), (api.Gamma, "vi", "Gamma vi")],
            english.Entries.Select(e => ((Guid)e["Id"]!, (string)e["Language"]!, (string)e["Title"]!)).OrderBy(e => e.Item3, StringComparer.Ordinal));
        Assert.Equal("en", english.ContentLanguage);

        var lao = await ReadAsync("/odata/Articles?lang=lo");
        Assert.Equal(["Alpha en", "Beta vi", "Gamma lo"], lao.Entries.Select(e => (string)e["Title"]!).Order(StringComparer.Ordinal));

        var byHeader = await ReadAsync("/odata/Articles", ("Accept-Language", "fr, lo;q=0.8, en;q=0.5"));
        Assert.Equal("lo", byHeader.ContentLanguage);
        Assert.Contains(byHeader.Entries, e => (string)e["Title"]! == "Gamma lo");
        Assert.Equal(["lo", "vi"], ((ODataCollectionValue)lao.Entries.Single(e => (Guid)e["Id"]! == api.Gamma)["AvailableLanguages"]!).Items.Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_portal_never_sees_drafts_other_kinds_or_other_categories()
    {
        var articles = await ReadAsync("/odata/Articles?$top=100");
        Assert.DoesNotContain(articles.Entries, e => (Guid)e["Id"]! == api.Draft || (Guid)e["Id"]! == api.Video);
        Assert.Equal([api.Video], (await ReadAsync("/odata/Videos")).Entries.Select(e => (Guid)e["Id"]!));

        using var anonymous = api.Factory.CreateClient();
        var publicVideos = await ReadAsync($"/odata/Videos?portal={api.PublicSlug}", client: anonymous);
        Assert.Single(publicVideos.Entries);
        Assert.Empty((await ReadAsync($"/odata/Articles?portal={api.PublicSlug}", client: anonymous)).Entries);

        using var draft = await api.PortalClient().GetAsync($"/odata/Articles({api.Draft})");
        await AssertODataErrorAsync(draft, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Filter_orderby_top_skip_count_and_select_work_together()
    {
        var filtered = await ReadAsync("/odata/Articles?$filter=contains(Title,'Alpha') or Tags/any(t: t eq 'du lịch')&$orderby=Title desc&$count=true");
        Assert.Equal(["Gamma vi", "Alpha en"], filtered.Entries.Select(e => (string)e["Title"]!));
        Assert.Equal(2, filtered.Count);

        var page = await ReadAsync("/odata/Articles?$orderby=Title&$top=1&$skip=1&$select=Title,Language");
        var only = Assert.Single(page.Entries);
        Assert.Equal(["Language", "Title"], only.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Beta vi", only["Title"]);

        var dates = await ReadAsync("/odata/Articles?$filter=year(PublishedAt) ge 2026 and length(Title) ge 7 and length(Title) lt 9 and CategoryId ne 00000000-0000-0000-0000-000000000000");
        Assert.Equal(3, dates.Entries.Count);
        var optionsWithoutDollar = await ReadAsync("/odata/articles?FILTER=startswith(Title,'Beta')&top=5");
        Assert.Equal("Beta vi", Assert.Single(optionsWithoutDollar.Entries)["Title"]);
    }

    [Theory]
    [InlineData("Language eq 'vi'", "Beta vi,Gamma vi")]
    [InlineData("Language in ('en-GB','lo')", "Alpha en")]
    [InlineData("AvailableLanguages/any(l: l eq 'lo')", "Gamma vi")]
    [InlineData("AvailableLanguages/all(l: l eq 'vi')", "Beta vi")]
    [InlineData("indexof(Title,' en') eq 5", "Alpha en")]
    [InlineData("substring(Title,0,4) eq 'Beta' or substring(Title,6) eq 'en'", "Alpha en,Beta vi")]
    [InlineData("concat(concat(Title,'/'),Slug) eq concat('Gamma vi/',Slug)", "Gamma vi")]
    [InlineData("date(PublishedAt) ge 2020-01-01 and PublishedAt le now() and second(PublishedAt) lt 60", "Alpha en,Beta vi,Gamma vi")]
    [InlineData("date(PublishedAt) gt 2999-12-31", "")]
    [InlineData("date(PublishedAt) le now()", "Alpha en,Beta vi,Gamma vi")]
    [InlineData("cast(Title,Edm.Int32) eq 1", "")]
    [InlineData("Language gt 'lo' and startswith(Language,'v')", "Beta vi,Gamma vi")]
    public async Task Filters_reach_language_and_string_functions(string filter, string titles)
    {
        var page = await ReadAsync("/odata/Articles?lang=en&$orderby=Title&$filter=" + Uri.EscapeDataString(filter));
        Assert.Equal(titles, string.Join(",", page.Entries.Select(e => (string)e["Title"]!)));
    }

    [Fact]
    public async Task Entries_can_be_ordered_by_the_language_they_are_served_in()
    {
        var page = await ReadAsync("/odata/Articles?lang=lo&$orderby=Language desc,Title");
        Assert.Equal(["Beta vi", "Gamma lo", "Alpha en"], page.Entries.Select(e => (string)e["Title"]!));
    }

    [Theory]
    [InlineData("noi dung", 3)]
    [InlineData("\"NỘI DUNG\"", 3)]
    [InlineData("gamma", 1)]
    [InlineData("alpha OR beta", 2)]
    [InlineData("NOT gamma", 2)]
    [InlineData("nội khongco", 0)]
    public async Task Search_ignores_vietnamese_diacritics_and_case(string search, int found)
    {
        var page = await ReadAsync($"/odata/Articles?lang=vi&$search={Uri.EscapeDataString(search)}");
        Assert.Equal(found, page.Entries.Count);
    }

    [Fact]
    public async Task Pages_follow_next_links_until_everything_is_read()
    {
        var titles = new List<string>();
        var url = "/odata/Articles?$orderby=Title";
        var pages = 0;
        while (url is not null && pages++ < 10)
        {
            var page = await ReadAsync(url, ("Prefer", "odata.maxpagesize=2"));
            titles.AddRange(page.Entries.Select(e => (string)e["Title"]!));
            url = page.NextLink?.PathAndQuery;
        }

        Assert.Equal(["Alpha en", "Beta vi", "Gamma vi"], titles);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task One_entry_by_key_has_a_strong_etag_and_answers_304_when_unchanged()
    {
        using var client = api.PortalClient();
        using var response = await client.GetAsync($"/odata/Articles({api.Alpha})?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag!.ToString();
        Assert.False(response.Headers.ETag.IsWeak, "A strong ETag: a hash of these bytes, not the entry's version shared by all its representations.");
        Assert.NotNull(response.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/odata/Articles({api.Alpha})?lang=en");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var count = await client.GetAsync("/odata/Articles/$count");
        Assert.Equal("3", await count.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/odata/Articles?$filter=Nope eq 1", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("/odata/Articles?$filter=Title eq", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("/odata/Articles?$top=101", HttpStatusCode.BadRequest, "QueryLimitExceeded")]
    [InlineData("/odata/Articles?$expand=Nope", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("/odata/Articles?$expand=Category($expand=Nope)", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("/odata/Articles?lang=ko", HttpStatusCode.BadRequest, "UnsupportedLanguage")]
    [InlineData("/odata/Articles?$filter=Language eq 'klingon'", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("/odata/Articles?$filter=Title add 'x' eq 'y'", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("/odata/Articles?$filter=totaloffsetminutes(PublishedAt) eq 0", HttpStatusCode.NotImplemented, "NotImplemented")]
    [InlineData("/odata/Nothing", HttpStatusCode.NotFound, "NotFound")]
    public async Task Bad_queries_get_the_odata_error_format(string url, HttpStatusCode status, string code)
    {
        using var response = await api.PortalClient().GetAsync(url);
        await AssertODataErrorAsync(response, status, code);
    }

    [Fact]
    public async Task Queries_beyond_the_limits_or_without_a_portal_are_refused()
    {
        var huge = string.Join(" or ", Enumerable.Repeat("Title eq 'x'", 60));
        using var tooManyNodes = await api.PortalClient().GetAsync("/odata/Articles?$filter=" + Uri.EscapeDataString(huge));
        await AssertODataErrorAsync(tooManyNodes, HttpStatusCode.BadRequest, "QueryLimitExceeded");
        using var tooLong = await api.PortalClient().GetAsync("/odata/Articles?$filter=" + new string('a', 5000));
        await AssertODataErrorAsync(tooLong, HttpStatusCode.BadRequest, "QueryLimitExceeded");
        using var anonymous = await api.Factory.CreateClient().GetAsync("/odata/Articles");
        await AssertODataErrorAsync(anonymous, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    private async Task<Page> ReadAsync(string url, (string Name, string Value)? header = null, HttpClient? client = null)
    {
        client ??= api.PortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json;odata.metadata=minimal");
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var settings = new ODataMessageReaderSettings { Version = ODataVersion.V401, MaxProtocolVersion = ODataVersion.V401 };
        using var reader = new ODataMessageReader(await ODataResponse.ReadAsync(response), settings, api.Model);
        var setName = new Uri("http://x" + url).AbsolutePath.Split('/')[2].Split('?')[0];
        var set = api.Model.EntityContainer.EntitySets().Single(s => s.Name.Equals(setName, StringComparison.OrdinalIgnoreCase));
        var resources = reader.CreateODataResourceSetReader(set, set.EntityType);
        var page = new Page { ContentLanguage = response.Content.Headers.ContentLanguage.FirstOrDefault() };
        while (resources.Read())
        {
            if (resources.State == ODataReaderState.ResourceEnd)
            {
                page.Entries.Add(((ODataResource)resources.Item).Properties.OfType<ODataProperty>().ToDictionary(p => p.Name, p => (object?)p.Value));
            }
            else if (resources.State == ODataReaderState.ResourceSetEnd)
            {
                page.Count = ((ODataResourceSet)resources.Item).Count;
                page.NextLink = ((ODataResourceSet)resources.Item).NextPageLink;
            }
        }

        return page;
    }

    private static async Task AssertODataErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    private sealed class Page
    {
        public List<Dictionary<string, object?>> Entries { get; } = [];

        public long? Count { get; set; }

        public Uri? NextLink { get; set; }

        public string? ContentLanguage { get; set; }
    }
}
