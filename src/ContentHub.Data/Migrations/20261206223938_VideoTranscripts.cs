using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class VideoTranscripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "transcript",
                table: "published_entries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transcript",
                table: "content_variants",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "transcript",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "transcript",
                table: "content_variants");
        }
    }
}
