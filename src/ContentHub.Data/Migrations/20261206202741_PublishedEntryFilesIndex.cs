using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedEntryFilesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_published_entries_files",
                table: "published_entries",
                column: "files")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_published_entries_files",
                table: "published_entries");
        }
    }
}
