using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data.Migrations;

[DbContext(typeof(ContentHubDbContext))]
[Migration("20261122040000_PublishedItems")]
public sealed class PublishedItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScript.Read("20261122040000_PublishedItems.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX ix_published_entries_language_kind_published_at_item_id ON published_entries (language, kind, published_at DESC, item_id DESC);
            CREATE INDEX ix_published_entries_category_id_language_published_at_item_id ON published_entries (category_id, language, published_at DESC, item_id DESC);
            ALTER TABLE published_entries ALTER COLUMN body_html SET STORAGE EXTENDED;
            DROP TABLE published_items;
            DROP FUNCTION published_languages(uuid, boolean);
            """);
}
