using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "credit",
                table: "published_entries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "files",
                table: "published_entries",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            // Rows from before files were attached have none; new rows always say theirs.
            migrationBuilder.Sql("ALTER TABLE published_entries ALTER COLUMN files DROP DEFAULT;");

            migrationBuilder.AddColumn<string>(
                name: "promo_credit",
                table: "content_items",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "item_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_item_files_content_items_item_id",
                        column: x => x.item_id,
                        principalTable: "content_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_item_files_media_files_file_id",
                        column: x => x.file_id,
                        principalTable: "media_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_item_files_file_id",
                table: "item_files",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_item_files_item_id_role_language",
                table: "item_files",
                columns: new[] { "item_id", "role", "language" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "item_files");

            migrationBuilder.DropColumn(
                name: "credit",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "files",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "promo_credit",
                table: "content_items");
        }
    }
}
