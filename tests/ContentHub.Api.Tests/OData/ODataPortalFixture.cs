using System.Net.Http.Json;
using System.Xml;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Portals;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// Published content and two portals to read it: "Alpha" (vi, en), "Beta" (vi), "Gamma" (vi, lo) and a
/// draft in one category, a video in another; a keyed portal serving en→vi, lo→en→vi and vi, and a
/// public portal carrying only the video's category.
/// </summary>
public sealed class ODataPortalFixture : ApiFixture
{
    public Guid Alpha { get; private set; }

    public Guid Beta { get; private set; }

    public Guid Gamma { get; private set; }

    public Guid Draft { get; private set; }

    public Guid Video { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string PublicSlug { get; private set; } = string.Empty;

    public IEdmModel Model { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (reviewer, _) = await Staff.NewAsync(Factory, [Role.Reviewer, Role.Admin]);
        var news = await Given.CategoryAsync();
        var videos = await Given.CategoryAsync();
        var request = await Given.ArticleRequestAsync();

        Alpha = await PublishAsync(reviewer, request with { CategoryId = news.Id, Tags = ["đầu tư"], Variant = new VariantRequest("Alpha vi", "Nội dung") }, ("en", "Alpha en"));
        Beta = await PublishAsync(reviewer, request with { CategoryId = news.Id, Variant = new VariantRequest("Beta vi", "Nội dung") });
        Gamma = await PublishAsync(reviewer, request with { CategoryId = news.Id, Tags = ["du lịch"], Variant = new VariantRequest("Gamma vi", "Nội dung") }, ("lo", "Gamma lo"));
        Draft = (await Given.ItemAsync(request with { CategoryId = news.Id, Variant = new VariantRequest("Draft vi") })).Id;
        Video = await PublishAsync(reviewer, request with { Kind = ContentKind.Video, CategoryId = videos.Id, Video = new VideoFields(90, "https://v.example/a.mp4"), Variant = new VariantRequest("Video vi") });

        var portal = await Given.PortalAsync(new PortalRequest("Cổng đối ngoại", Given.Unique("doingoai"), "https://doingoai.example",
            [new PortalLanguageRequest("en", ["vi"]), new PortalLanguageRequest("lo", ["en", "vi"]), new PortalLanguageRequest("vi")]));
        Key = (await Given.KeyAsync(portal.Id)).Key;
        var screen = await Given.PortalAsync(new PortalRequest("Màn hình cửa khẩu", Given.Unique("screen"), "https://screen.example",
            [new PortalLanguageRequest("vi")], [videos.Id], IsPublic: true));
        PublicSlug = screen.Slug;

        using var reader = XmlReader.Create(new StringReader(await Anonymous.GetStringAsync("/odata/$metadata")));
        Model = CsdlReader.Parse(reader);
    }

    public HttpClient PortalClient() => ClientWithKey(Key);

    private async Task<Guid> PublishAsync(HttpClient reviewer, CreateItemRequest request, (string Language, string Title)? translation = null)
    {
        var item = await Given.ItemAsync(request);
        if (translation is { } t)
        {
            await Given.VariantAsync(item.Id, t.Language, t.Title);
        }

        await Steps.PublishAsync(Client, reviewer, item.Id);
        return item.Id;
    }
}
