using System.Net;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.People;
using ContentHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Portals;

/// <summary>A 1 MB cache that keeps answers of at most 100 KB, over three articles of about 40 KB each.</summary>
public sealed class BoundedAnswerCacheFixture : ApiFixture
{
    public string PortalSlug { get; } = Given.Unique("bounded");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AnswerCache:SizeLimitMegabytes"] = "1",
        ["AnswerCache:MaxAnswerKilobytes"] = "100",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (reviewer, _) = await Staff.NewAsync(Factory, [Role.Reviewer, Role.Admin]);
        var request = await Given.ArticleRequestAsync();
        var paragraph = "Bắc Giang thu hút đầu tư vào các khu công nghiệp Quang Châu, Vân Trung và Song Khê – Nội Hoàng. ";
        for (var i = 0; i < 3; i++)
        {
            var body = string.Concat(Enumerable.Repeat(paragraph + "\n\n", 400));
            var item = await Given.ItemAsync(request with { Variant = new VariantRequest($"Bài dài {i}", body) });
            await Steps.PublishAsync(Client, reviewer, item.Id);
        }

        await Given.PortalAsync(new PortalRequest("Cổng thử", PortalSlug, "https://bounded.example", [new PortalLanguageRequest("vi")], IsPublic: true));
    }
}

public sealed class AnswerCacheBoundsTests(BoundedAnswerCacheFixture api) : IClassFixture<BoundedAnswerCacheFixture>
{
    private PortalAnswerCache Cache => api.Factory.Services.GetRequiredService<PortalAnswerCache>();

    [Fact]
    public async Task The_cache_never_holds_more_than_its_memory_limit()
    {
        await AnswerCacheHttp.ListeningAsync(api.Client);
        const int queries = 40;
        for (var i = 0; i < queries; i++)
        {
            var body = await BodyAsync($"/odata/Articles?portal={api.PortalSlug}&$select=Id,Body&$top=1&$filter=Title ne 'q{i}'");
            Assert.Contains("Quang Châu", body, StringComparison.Ordinal);
        }

        // Forty answers of some 40 KB are 1.6 MB: they cannot all be kept in 1 MB.
        var statistics = await AnswerCacheHttp.StatisticsAsync(api.Client);
        Assert.Equal(1024L * 1024, statistics.LimitBytes);
        Assert.InRange(statistics.Bytes, 1, statistics.LimitBytes);
        Assert.InRange(statistics.Entries, 1, queries - 1);
    }

    [Fact]
    public async Task An_answer_larger_than_the_largest_kept_is_made_each_time()
    {
        await AnswerCacheHttp.ListeningAsync(api.Client);
        const string path = "/odata/Articles?$select=Id,Body&$top=3&$orderby=Title";
        var before = await AnswerCacheHttp.StatisticsAsync(api.Client);
        var first = await BodyAsync(path + "&portal=" + api.PortalSlug);
        var second = await BodyAsync(path + "&portal=" + api.PortalSlug);

        Assert.True(first.Length > 100 * 1024, $"{first.Length} bytes");
        Assert.Equal(first, second);
        Assert.Equal(before.Made + 2, (await AnswerCacheHttp.StatisticsAsync(api.Client)).Made);
    }

    [Fact]
    public async Task Nothing_is_served_from_the_cache_while_changes_cannot_be_heard()
    {
        await AnswerCacheHttp.ListeningAsync(api.Client);
        var path = $"/feeds/{api.PortalSlug}/vi/atom.xml";
        await BodyAsync(path);
        var before = Cache.Statistics();
        Cache.Listening(false);
        try
        {
            await BodyAsync(path);
            await BodyAsync(path);
            var during = Cache.Statistics();
            Assert.Equal(before.Hits, during.Hits);
            Assert.Equal(before.Bypassed + 2, during.Bypassed);
        }
        finally
        {
            Cache.Listening(true);
        }
    }

    private async Task<string> BodyAsync(string path)
    {
        using var response = await api.Anonymous.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}
