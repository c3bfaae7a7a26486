using System.Net;
using ContentHub.Api.Features.Items;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>OData lists and $metadata carry a strong ETag of their bytes; a client that has them gets 304 until they change.</summary>
public sealed class ODataValidatorsTests(SyndicationFixture api) : IClassFixture<SyndicationFixture>
{
    [Theory]
    [InlineData("/odata/Articles?portal={public}&lang=vi&$select=Id,Title")]
    [InlineData("/odata/Articles?portal={public}&lang=vi&$select=Id&$format=application/json;odata.metadata=full")]
    [InlineData("/odata/Categories?portal={public}&lang=vi")]
    [InlineData("/odata/$metadata")]
    public async Task An_unchanged_answer_is_not_sent_again(string path)
    {
        var url = path.Replace("{public}", api.PublicSlug, StringComparison.Ordinal);
        using var first = await api.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var answer = await api.Anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, answer.StatusCode);
        Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_list_that_changed_is_sent_with_its_new_etag()
    {
        var url = $"/odata/Articles?portal={api.PublicSlug}&lang=vi&$select=Id,Title&$top=50";
        using var first = await api.Anonymous.GetAsync(url);
        var request = await api.Given.ArticleRequestAsync();
        api.Published.Add(await api.PublishAsync(request with { Variant = new VariantRequest("Tin mới cho ETag " + Guid.NewGuid().ToString("N")[..6], "Nội dung.") }));

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var answer = await api.Anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEqual(first.Headers.ETag, answer.Headers.ETag);
    }
}
