using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class Proofreaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "proofread_languages",
                table: "users",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // The default only fills existing accounts; the model has none.
            migrationBuilder.Sql("ALTER TABLE users ALTER COLUMN proofread_languages DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "proofread_languages",
                table: "users");
        }
    }
}
