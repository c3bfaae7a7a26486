using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditorialSearchNewestIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_content_variants_language_updated_at_item_id",
                table: "content_variants",
                columns: new[] { "language", "updated_at", "item_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_content_variants_updated_at_item_id_language",
                table: "content_variants",
                columns: new[] { "updated_at", "item_id", "language" },
                descending: new[] { true, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_content_variants_language_updated_at_item_id",
                table: "content_variants");

            migrationBuilder.DropIndex(
                name: "ix_content_variants_updated_at_item_id_language",
                table: "content_variants");
        }
    }
}
