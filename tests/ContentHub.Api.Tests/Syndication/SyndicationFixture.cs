using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>Three articles (two with English), a video and a draft; a private portal (vi, en) with a key, and a public one.</summary>
public sealed class SyndicationFixture : ApiFixture
{
    public string PrivateSlug { get; } = Given.Unique("doingoai");

    public string PublicSlug { get; } = Given.Unique("screen");

    public string Key { get; private set; } = string.Empty;

    public Guid PrivatePortalId { get; private set; }

    public List<Guid> Published { get; } = [];

    public Guid Draft { get; private set; }

    public string CategorySlug { get; private set; } = string.Empty;

    public HttpClient Reviewer { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (Reviewer, _) = await Staff.NewAsync(Factory, [Role.Reviewer, Role.Admin]);
        var news = await Given.CategoryAsync();
        CategorySlug = news.Slug;
        var request = await Given.ArticleRequestAsync();
        Published.Add(await PublishAsync(request with { CategoryId = news.Id, Variant = new VariantRequest("Lễ hội Yên Thế", "Lễ hội **lớn** của tỉnh.", Summary: "Tóm tắt") }, ("en", "Yen The festival")));
        Published.Add(await PublishAsync(request with { CategoryId = news.Id, Variant = new VariantRequest("Vải thiều Lục Ngạn", "Mùa vải.") }, ("en", "Luc Ngan lychees")));
        Published.Add(await PublishAsync(request with { CategoryId = news.Id, Variant = new VariantRequest("Chợ phiên", "Chợ họp <sáng> & chiều.") }));
        Published.Add(await PublishAsync(request with { Kind = ContentKind.Video, CategoryId = news.Id, Video = new VideoFields(90, "https://v.example/a.mp4"), Variant = new VariantRequest("Phim về Bắc Giang") }));
        Draft = (await Given.ItemAsync(request with { CategoryId = news.Id, Variant = new VariantRequest("Bản nháp") })).Id;

        var portal = await Given.PortalAsync(new PortalRequest("Cổng đối ngoại", PrivateSlug, "https://doingoai.example/",
            [new PortalLanguageRequest("vi"), new PortalLanguageRequest("en")]));
        PrivatePortalId = portal.Id;
        Key = (await Given.KeyAsync(portal.Id)).Key;
        await Given.PortalAsync(new PortalRequest("Màn hình cửa khẩu", PublicSlug, "https://screen.example", [new PortalLanguageRequest("vi")], IsPublic: true));
    }

    public async Task<Guid> PublishAsync(CreateItemRequest request, params (string Language, string Title)[] translations)
    {
        var item = await Given.ItemAsync(request);
        foreach (var (language, title) in translations)
        {
            await Given.VariantAsync(item.Id, language, title, "Body in " + language + ".");
        }

        await Steps.PublishAsync(Client, Reviewer, item.Id);
        return item.Id;
    }
}
