using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedItemsNewestIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_published_items_published_at_item_id",
                table: "published_items",
                columns: new[] { "published_at", "item_id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_published_items_published_at_item_id",
                table: "published_items");
        }
    }
}
