using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class PortalFeedTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "feed_token_hash",
                table: "portals",
                type: "bytea",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "feed_token_hash",
                table: "portals");
        }
    }
}
