using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class SyncPruning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sync_pruning",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    pruned_through = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_pruning", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "sync_pruning",
                columns: new[] { "id", "pruned_through" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_sync_changes_at",
                table: "sync_changes",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sync_pruning");

            migrationBuilder.DropIndex(
                name: "ix_sync_changes_at",
                table: "sync_changes");
        }
    }
}
