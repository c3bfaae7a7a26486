using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class MediaFocalPoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "focal_x",
                table: "media_files",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "focal_y",
                table: "media_files",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "focal_x",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "focal_y",
                table: "media_files");
        }
    }
}
