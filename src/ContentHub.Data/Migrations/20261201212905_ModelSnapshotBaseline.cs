using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <summary>
    /// Changes nothing in the database: the schema up to here was made by the SQL migrations before
    /// this one. It records the model snapshot, so that <c>dotnet ef migrations add</c> generates
    /// each later migration as the difference from it.
    /// </summary>
    public partial class ModelSnapshotBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
