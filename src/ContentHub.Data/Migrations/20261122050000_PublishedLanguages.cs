using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data.Migrations;

[DbContext(typeof(ContentHubDbContext))]
[Migration("20261122050000_PublishedLanguages")]
public sealed class PublishedLanguages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScript.Read("20261122050000_PublishedLanguages.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE published_entries RESET (toast_tuple_target);
            ALTER TABLE published_entries ALTER COLUMN body_html SET STORAGE EXTERNAL;
            CREATE FUNCTION published_languages(item uuid, reviewed_only boolean) RETURNS text[]
            LANGUAGE plpgsql STABLE PARALLEL SAFE
            AS $$
            BEGIN
                RETURN ARRAY(
                    SELECT e.language::text
                    FROM published_entries AS e
                    WHERE e.item_id = item AND NOT (reviewed_only AND e.machine_translated)
                    ORDER BY e.language);
            END
            $$;
            ALTER TABLE published_items DROP COLUMN languages;
            ALTER TABLE published_items DROP COLUMN reviewed_languages;
            """);
}
