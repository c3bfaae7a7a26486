using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Media;

/// <summary>Files count as unused at once here (Media:UnusedFileMaxAge zero), so a clean-up takes every file no item uses.</summary>
public sealed class CleanupMediaFixture : MediaFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Media:UnusedFileMaxAge"] = "00:00:00" };
}

public sealed class UnusedFileCleanupTests(CleanupMediaFixture api) : IClassFixture<CleanupMediaFixture>
{
    [Fact]
    public async Task The_clean_up_deletes_files_no_item_uses_and_keeps_the_rest()
    {
        var loose = await UploadAsync(TestMedia.Png(20, 10), "loose.png");
        var kept = await UploadAsync(TestMedia.Png(20, 10), "kept.png");
        await api.Given.ItemAsync((await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.PromoAsset,
            Promo = new PromoFields(PromoAssetType.Photo, Files: [new LanguageFile(kept.Id)]),
        });
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor]);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/v1/media/cleanup", null)).StatusCode);

        using var response = await api.Client.PostAsync("/api/v1/media/cleanup", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<CleanUpResponse>(TestJson.Options))!.Deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/v1/media/{loose.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync($"/api/v1/media/{kept.Id}/content")).StatusCode);
        Assert.Equal((1, 0), await api.CountAsync());
    }

    [Fact]
    public async Task The_media_cleanup_command_deletes_unused_files_and_says_how_many()
    {
        var loose = await UploadAsync(TestMedia.Png(12, 10), "loose.png");
        using var output = new StringWriter();

        Assert.Equal(0, await MediaCleanupCommand.RunAsync(api.Factory.Services, [], output, CancellationToken.None));

        Assert.Matches(@"^Deleted [1-9]\d* unused file\(s\) and \d+ unfinished upload\(s\)\.", output.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/v1/media/{loose.Id}")).StatusCode);
        Assert.Equal(2, await MediaCleanupCommand.RunAsync(api.Factory.Services, ["--everything"], output, CancellationToken.None));
    }

    private async Task<MediaResponse> UploadAsync(byte[] bytes, string name)
    {
        using var response = await MediaHttp.UploadAsync(api.Client, bytes, "image/png", name);
        return (await response.Content.ReadFromJsonAsync<MediaResponse>(TestJson.Options))!;
    }
}
