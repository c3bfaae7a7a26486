using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data.Migrations;

[DbContext(typeof(ContentHubDbContext))]
[Migration("20261122030000_PublishedEntries")]
public sealed class PublishedEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScript.Read("20261122030000_PublishedEntries.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE published_entries;");
}
