using ContentHub.Api.Features.Items;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Workflow;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Tests.Workflow;

/// <summary>A promotional asset comes down when the last day of its usage rights ends in the province (UTC+7).</summary>
public sealed class RightsExpiryTests(ClockedFixture api) : IClassFixture<ClockedFixture>
{
    [Fact]
    public async Task A_promotional_asset_is_taken_down_when_its_last_day_of_rights_ends_in_viet_nam()
    {
        // The clock starts at 01:00 UTC on 22 November, 08:00 in Bac Giang; the rights end with that day.
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Admin]);
        var request = (await api.Given.ArticleRequestAsync()) with
        {
            Kind = ContentKind.PromoAsset,
            Promo = new PromoFields(PromoAssetType.Banner, "CC BY 4.0", new DateOnly(2026, 11, 22), "Sở Văn hóa, Thể thao và Du lịch"),
        };
        var item = await api.Given.ItemAsync(request);
        var published = await api.Given.ItemAsync(request with { Promo = request.Promo! with { RightsExpireOn = null } });
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
        await Steps.PublishAsync(api.Client, reviewer, published.Id);

        api.ManualClock.Advance(TimeSpan.FromHours(15) + TimeSpan.FromMinutes(59)); // 23:59 in Bac Giang
        Assert.Equal(0, (await api.RunSchedulerAsync()).Unpublished);
        Assert.Equal(EditorialState.Published, (await ItemAsync(item.Id)).State);

        api.ManualClock.Advance(TimeSpan.FromMinutes(1)); // midnight: the 23rd
        Assert.Equal(1, (await api.RunSchedulerAsync()).Unpublished);
        Assert.Equal(EditorialState.Unpublished, (await ItemAsync(item.Id)).State);
        Assert.Equal(EditorialState.Published, (await ItemAsync(published.Id)).State);
        await using var db = api.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.ItemId == item.Id && e.Action == "workflow.rights-expired");
        Assert.Equal(("usage rights ended 2026-11-22", "scheduler"), (entry.Details, entry.Actor));
        Assert.False(await db.PublishedEntries.AnyAsync(e => e.ItemId == item.Id));
    }

    // Read from the database: sixteen hours on, the test's sign-in has expired.
    private async Task<ContentItem> ItemAsync(Guid id)
    {
        await using var db = api.CreateDbContext();
        return await db.Items.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
