using System.Text;
using System.Text.Json;
using ContentHub.Api.Features.OData;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.OData;
using Microsoft.AspNetCore.Http;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// The fast writer must write what ODataMessageWriter writes: same annotations, properties, order and
/// values (escaping aside), for every shape of query a portal can send.
/// </summary>
public sealed class EntryJsonWriterTests
{
    private static readonly Uri Root = new("http://portal.test/odata/");
    private static readonly JsonSerializerOptions OneEscaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("Articles", "", ODataVersion.V401, "minimal")]
    [InlineData("Articles", "$select=Title,Tags,AvailableLanguages,PublishedAt", ODataVersion.V401, "minimal")]
    [InlineData("Articles", "$expand=Category", ODataVersion.V401, "minimal")]
    [InlineData("Articles", "$select=Title&$expand=Category($select=Name,ParentId)", ODataVersion.V4, "minimal")]
    [InlineData("Articles", "$select=Id,Body", ODataVersion.V401, "none")]
    [InlineData("Videos", "", ODataVersion.V4, "minimal")]
    [InlineData("PromoAssets", "$select=AssetType,RightsExpireOn,UsageRights", ODataVersion.V401, "minimal")]
    [InlineData("PromoAssets", "", ODataVersion.V401, "none")]
    [InlineData("Articles", "$compute=length(Title) as L,concat(Language,'!') as Tag,PublishedAt as At&$select=Title,L,Tag,At", ODataVersion.V401, "minimal")]
    [InlineData("Videos", "$compute=DurationSeconds div 60 as Minutes&$select=Minutes", ODataVersion.V4, "minimal")]
    [InlineData("PromoAssets", "$expand=Files", ODataVersion.V401, "minimal")]
    [InlineData("Videos", "$select=Title&$expand=Files($select=Url,DurationSeconds,AltText),Category($select=Name)", ODataVersion.V4, "minimal")]
    [InlineData("Articles", "$expand=*", ODataVersion.V401, "none")]
    public async Task Collections_match_odata_message_writer(string setName, string query, ODataVersion version, string level)
    {
        var (set, uri) = Parse(setName, query);
        var rows = Rows(setName, Expansions.Of(uri.SelectAndExpand));
        if (uri.Compute is { } compute)
        {
            // Values of the types the binder gives: int? for length, string, DateTimeOffset, int.
            object?[] values = setName == "Videos" ? [1] : [8, "vi!", new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero)];
            rows = rows.Select(r => new EntryView
            {
                Id = r.Id, Language = r.Language, Kind = r.Kind, Title = r.Title, Summary = r.Summary, Body = r.Body, Slug = r.Slug, SeoDescription = r.SeoDescription,
                Tags = r.Tags, AvailableLanguages = r.AvailableLanguages, PublishedAt = r.PublishedAt, UpdatedAt = r.UpdatedAt, MachineTranslated = r.MachineTranslated,
                ReviewedAt = r.ReviewedAt, CategoryId = r.CategoryId, DurationSeconds = r.DurationSeconds, VideoUrl = r.VideoUrl, PosterUrl = r.PosterUrl,
                AssetType = r.AssetType, UsageRights = r.UsageRights, RightsExpireOn = r.RightsExpireOn, Category = r.Category, Files = r.Files,
                Computed = values, ComputedNames = compute.ComputedItems.Select(i => i.Alias).ToArray(),
            }).ToList();
        }

        var next = new Uri(Root, setName + "?$skiptoken=k1.0");

        var reference = EntryWriter.Collection(set, uri, version, level, rows, count: 42, nextLink: next);
        var fast = await WriteAsync(http => EntryJsonWriter.WriteCollectionAsync(http, set, uri, version, level, rows, 42, next));

        AssertSameJson(Bytes(reference), fast);
        Assert.Equal(uri.SelectAndExpand?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any(e => e.NavigationSource?.Name == "Files") == true,
            Encoding.UTF8.GetString(fast).Contains("\"Files\":[{", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Articles", "", ODataVersion.V401)]
    [InlineData("Articles", "$select=Title,Tags&$expand=Category", ODataVersion.V4)]
    [InlineData("PromoAssets", "$expand=Files($select=Id,SrcsetWebp,Width)", ODataVersion.V401)]
    public async Task Single_entities_match_odata_message_writer(string setName, string query, ODataVersion version)
    {
        var (set, uri) = Parse(setName + "(01a20000-0000-7000-8000-000000000001)", query);
        var row = Rows(setName, Expansions.Of(uri.SelectAndExpand))[0];

        var reference = EntryWriter.Entity(set, uri, version, "minimal", row);
        var fast = await WriteAsync(http => EntryJsonWriter.WriteEntityAsync(http, set, uri, version, "minimal", row));

        AssertSameJson(Bytes(reference), fast);
    }

    private static (Microsoft.OData.Edm.IEdmEntitySet Set, ODataUri Uri) Parse(string path, string query)
    {
        var parser = new ODataUriParser(PortalModel.Instance, Root, new Uri(Root, path + (query.Length > 0 ? "?" + query : string.Empty)));
        var parsed = parser.ParsePath();
        var set = ((EntitySetSegment)parsed.FirstSegment).EntitySet;
        var compute = parser.ParseCompute();
        return (set, new ODataUri { ServiceRoot = Root, Path = parsed, Compute = compute, SelectAndExpand = parser.ParseSelectAndExpand() });
    }

    private static List<EntryView> Rows(string setName, Expansions expand)
    {
        // Files as PortalFileLinks makes them: an image with renditions and srcsets, a video with a whole and a fractional duration.
        var links = new ContentHub.Api.Features.Portals.PortalFileLinks([320, 640], [new ContentHub.Api.Features.Media.AspectRatio(16, 9)]);
        var portal = new ContentHub.Domain.Portals.Portal(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        portal.Configure("Cổng", "cong", new Uri("https://portal.test"), [], [], [], acceptsUnreviewedMachineTranslation: false, isPublic: true);
        List<ContentHub.Domain.Publishing.PublishedFile> published =
        [
            new(Guid.Parse("01a20000-0000-7000-8000-0000000000f1"), ContentHub.Domain.Media.FileRole.Asset, "image/png", 1234, "ảnh \"cửa khẩu\".png", new string('a', 64), 700, 350, null, "Cửa khẩu <Hữu Nghị>", null, DateTimeOffset.UnixEpoch),
            new(Guid.Parse("01a20000-0000-7000-8000-0000000000f2"), ContentHub.Domain.Media.FileRole.Video, "video/mp4", 99_000_000_000, "phim.mp4", new string('b', 64), 1920, 1080, 2.0, null, "Phim", DateTimeOffset.UnixEpoch),
            new(Guid.Parse("01a20000-0000-7000-8000-0000000000f3"), ContentHub.Domain.Media.FileRole.Video, "video/webm", 5, "clip.webm", new string('c', 64), null, null, 12.345, null, null, DateTimeOffset.UnixEpoch),
        ];
        var files = expand.Files ? links.For("https://hub.test", portal, published) : null;
        var kind = setName switch { "Videos" => ContentKind.Video, "PromoAssets" => ContentKind.PromoAsset, _ => ContentKind.Article };
        var category = new CategoryView { Id = Guid.Parse("01a20000-0000-7000-8000-0000000000c1"), Slug = "du-lich", Name = "Du lịch", Language = LanguageTag.Vietnamese };
        return
        [
            new EntryView
            {
                Id = Guid.Parse("01a20000-0000-7000-8000-000000000001"), Language = LanguageTag.Vietnamese, Kind = kind,
                Title = "Bắc Giang \"vải thiều\" <mùa> & 'lễ hội'", Summary = null, Body = Encoding.UTF8.GetBytes("<p>Nội dung\nmới\t\u2028 \\ \u0001\u001f\r\b\f \u007f 🌾 ສະບາຍດີ 北江</p>" + string.Concat(Enumerable.Repeat("<p>Đầu tư \"mới\" ở Bắc Giang</p>\n", 2000))), Slug = "bac-giang",
                Tags = ["du lịch", "đầu tư"], AvailableLanguages = ["en", "vi", "zh-Hans"],
                PublishedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), UpdatedAt = new DateTimeOffset(2026, 11, 21, 1, 2, 3, 456, TimeSpan.Zero).AddTicks(7),
                ReviewedAt = new DateTimeOffset(2026, 11, 19, 23, 59, 59, 100, TimeSpan.Zero), CategoryId = category.Id,
                DurationSeconds = kind == ContentKind.Video ? 90 : null, VideoUrl = kind == ContentKind.Video ? "https://v.example/a.mp4" : null,
                AssetType = kind == ContentKind.PromoAsset ? PromoAssetType.Brochure : null, UsageRights = kind == ContentKind.PromoAsset ? "CC BY 4.0" : null,
                RightsExpireOn = kind == ContentKind.PromoAsset ? new DateOnly(2027, 3, 1) : null,
                Category = expand.Category ? category : null,
                Files = files,
            },
            new EntryView
            {
                Id = Guid.Parse("01a20000-0000-7000-8000-000000000002"), Language = LanguageTag.English, Kind = kind, Title = "Plain", Summary = "Lead",
                Body = [], Slug = "plain", SeoDescription = "SEO", AvailableLanguages = ["en"],
                PublishedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), UpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                MachineTranslated = true, ReviewedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), CategoryId = category.Id,
                Category = expand.Category ? new CategoryView { Id = category.Id, Slug = "x", Name = "x", ParentId = Guid.Parse("01a20000-0000-7000-8000-0000000000c0") } : null,
                Files = expand.Files ? [] : null,
            },
        ];
    }

    private static async Task<byte[]> WriteAsync(Func<HttpContext, Task> write)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await write(http);
        return body.ToArray();
    }

    private static byte[] Bytes(BufferedResponseMessage message)
    {
        using (message)
        {
            return message.Body.ToArray();
        }
    }

    private static void AssertSameJson(byte[] expected, byte[] actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Assert.Equal(Canonical(left.RootElement), Canonical(right.RootElement));
    }

    // Re-serialised with one escaping, keeping property order, so only escaping differences vanish.
    private static string Canonical(JsonElement element) => JsonSerializer.Serialize(element, OneEscaping);
}
