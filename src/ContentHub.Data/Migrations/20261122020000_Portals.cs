using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data.Migrations;

[DbContext(typeof(ContentHubDbContext))]
[Migration("20261122020000_Portals")]
public sealed class Portals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScript.Read("20261122020000_Portals.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TABLE api_keys;
            DROP TABLE portal_languages;
            DROP TABLE portals;
            """);
}
