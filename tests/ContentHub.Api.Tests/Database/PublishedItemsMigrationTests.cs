using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Api.Tests.Database;

/// <summary>A database from before the listing rows gets them (with each item's languages) from its entries when it is upgraded.</summary>
public sealed class PublishedItemsMigrationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Upgrading_fills_the_listing_rows_from_the_newest_entry_of_each_item()
    {
        var item = await api.Given.ItemAsync(await api.Given.ArticleRequestAsync());
        await api.Given.VariantAsync(item.Id, "en", "English");
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Domain.People.Role.Reviewer, Domain.People.Role.Admin]);
        await Steps.PublishAsync(api.Client, reviewer, item.Id);
        var other = await api.Given.CategoryAsync();

        await using var db = api.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261122030000_PublishedEntries");
        await db.Database.ExecuteSqlAsync($"UPDATE published_entries SET category_id = {other.Id}, machine_translated = true, updated_at = updated_at + interval '1 hour' WHERE item_id = {item.Id} AND language = 'en'");
        await migrator.MigrateAsync();

        var listing = await db.PublishedItems.AsNoTracking().SingleAsync(i => i.ItemId == item.Id);
        Assert.Equal(other.Id, listing.CategoryId);
        Assert.Equal(["en", "vi"], listing.Languages);
        Assert.Equal(["vi"], listing.ReviewedLanguages);
        Assert.All(await db.PublishedEntries.AsNoTracking().Where(e => e.ItemId == item.Id).ToListAsync(), e => Assert.Equal(other.Id, e.CategoryId));
    }

    [Fact]
    public async Task Published_bodies_stay_in_their_row_uncompressed_so_lists_neither_fetch_nor_decompress_them()
    {
        await using var db = api.CreateDbContext();
        var storage = await db.Database.SqlQuery<string>($"""
            SELECT attstorage::text AS "Value" FROM pg_attribute
            WHERE attrelid = 'published_entries'::regclass AND attname = 'body_html'
            """).SingleAsync();
        var options = await db.Database.SqlQuery<string>($"""
            SELECT array_to_string(reloptions, ',') AS "Value" FROM pg_class WHERE oid = 'published_entries'::regclass
            """).SingleAsync();

        Assert.Equal("m", storage);
        Assert.Contains("toast_tuple_target=8160", options, StringComparison.Ordinal);
    }
}
