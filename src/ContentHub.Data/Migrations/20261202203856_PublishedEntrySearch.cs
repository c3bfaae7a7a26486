using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedEntrySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "published_entry_search",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    machine_translated = table.Column<bool>(type: "boolean", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_entry_search", x => new { x.item_id, x.language });
                    table.ForeignKey(
                        name: "fk_published_entry_search_published_entries_item_id_language",
                        columns: x => new { x.item_id, x.language },
                        principalTable: "published_entries",
                        principalColumns: new[] { "item_id", "language" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_published_entry_search_search_vector",
                table: "published_entry_search",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Vectors out of line, so the rows a search counts and orders are a few dozen bytes.
            migrationBuilder.Sql("ALTER TABLE published_entry_search SET (toast_tuple_target = 128);");
            migrationBuilder.Sql("ALTER TABLE published_entry_search ALTER COLUMN search_vector SET STORAGE EXTERNAL;");

            // The row follows its entry in the same statement, whatever writes the entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION published_entry_search_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO published_entry_search (item_id, language, machine_translated, search_vector)
                    VALUES (NEW.item_id, NEW.language, NEW.machine_translated, COALESCE(NEW.search_vector, ''::tsvector))
                    ON CONFLICT (item_id, language) DO UPDATE
                        SET machine_translated = EXCLUDED.machine_translated, search_vector = EXCLUDED.search_vector;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER published_entry_search_follow AFTER INSERT OR UPDATE OF search_terms, machine_translated ON published_entries
                FOR EACH ROW EXECUTE FUNCTION published_entry_search_follow();
                """);
            migrationBuilder.Sql("""
                INSERT INTO published_entry_search (item_id, language, machine_translated, search_vector)
                SELECT item_id, language, machine_translated, COALESCE(search_vector, ''::tsvector) FROM published_entries;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER published_entry_search_follow ON published_entries;");
            migrationBuilder.Sql("DROP FUNCTION published_entry_search_follow();");
            migrationBuilder.DropTable(
                name: "published_entry_search");
        }
    }
}
