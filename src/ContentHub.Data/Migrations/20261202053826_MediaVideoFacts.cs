using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class MediaVideoFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audio_codec",
                table: "media_files",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "duration_seconds",
                table: "media_files",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "video_codec",
                table: "media_files",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "audio_codec",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "duration_seconds",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "video_codec",
                table: "media_files");
        }
    }
}
