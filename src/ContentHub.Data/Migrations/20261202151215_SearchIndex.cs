using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "search_text",
                table: "published_entries");

            migrationBuilder.AddColumn<string>(
                name: "search_terms",
                table: "published_entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<short>(
                name: "search_version",
                table: "published_entries",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<string>(
                name: "search_terms",
                table: "content_variants",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<short>(
                name: "search_version",
                table: "content_variants",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "published_entries",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "search_terms::tsvector",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "content_variants",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "search_terms::tsvector",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_published_entries_search_vector",
                table: "published_entries",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_content_variants_search_vector",
                table: "content_variants",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_published_entries_search_vector",
                table: "published_entries");

            migrationBuilder.DropIndex(
                name: "ix_content_variants_search_vector",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "search_terms",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "search_version",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "search_terms",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "search_version",
                table: "content_variants");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "published_entries",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
