using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class Translations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "source_updated_at",
                table: "published_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "text_fingerprint",
                table: "published_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "translated_from",
                table: "published_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fingerprint",
                table: "content_variants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "translation_made_at",
                table: "content_variants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_origin",
                table: "content_variants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_provider",
                table: "content_variants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_return_comment",
                table: "content_variants",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_returned_by",
                table: "content_variants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_source_fingerprint",
                table: "content_variants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "translation_source_revision_id",
                table: "content_variants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_stage",
                table: "content_variants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_translated_by",
                table: "content_variants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "translation_due_on",
                table: "content_items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "translation_priority",
                table: "content_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "translation_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    characters = table.Column<long>(type: "bigint", nullable: false),
                    requests = table.Column<int>(type: "integer", nullable: false),
                    memory_hits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_translation_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_translation_jobs_content_items_item_id",
                        column: x => x.item_id,
                        principalTable: "content_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "translation_memory",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    target_language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    source_plain = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    source_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_translation_memory", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "translation_usage",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    characters = table.Column<long>(type: "bigint", nullable: false),
                    requests = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_translation_usage", x => x.month);
                });

            migrationBuilder.CreateIndex(
                name: "ix_translation_jobs_item_id_id",
                table: "translation_jobs",
                columns: new[] { "item_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_translation_jobs_state_id",
                table: "translation_jobs",
                columns: new[] { "state", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_translation_memory_source_language_target_language_source_h~",
                table: "translation_memory",
                columns: new[] { "source_language", "target_language", "source_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_translation_memory_source_plain",
                table: "translation_memory",
                column: "source_plain")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
            migrationBuilder.Sql("UPDATE content_items SET translation_priority = 'Normal';");

            // The defaults above only fill existing rows; the model has none.
            migrationBuilder.Sql("ALTER TABLE published_entries ALTER COLUMN text_fingerprint DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE content_variants ALTER COLUMN fingerprint DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE content_items ALTER COLUMN translation_priority DROP DEFAULT;");

            // Existing texts get the fingerprint ContentVariant computes (TextFingerprint.Of: SHA-256 of the
            // four fields joined by U+001F, as lowercase hex, first 32 characters).
            migrationBuilder.Sql("""
                UPDATE content_variants SET fingerprint = left(encode(sha256(convert_to(
                    title || chr(31) || coalesce(summary, '') || chr(31) || body_markdown || chr(31) || coalesce(seo_description, ''), 'UTF8')), 'hex'), 32);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "translation_jobs");

            migrationBuilder.DropTable(
                name: "translation_memory");

            migrationBuilder.DropTable(
                name: "translation_usage");

            migrationBuilder.DropColumn(
                name: "source_updated_at",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "text_fingerprint",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "translated_from",
                table: "published_entries");

            migrationBuilder.DropColumn(
                name: "fingerprint",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_made_at",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_origin",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_provider",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_return_comment",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_returned_by",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_source_fingerprint",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_source_revision_id",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_stage",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_translated_by",
                table: "content_variants");

            migrationBuilder.DropColumn(
                name: "translation_due_on",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "translation_priority",
                table: "content_items");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
