using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentHub.Data.Migrations;

[DbContext(typeof(ContentHubDbContext))]
[Migration("20261122010000_PeopleWorkflowAudit")]
public sealed class PeopleWorkflowAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationScript.Read("20261122010000_PeopleWorkflowAudit.sql"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TABLE audit_entries;
            DROP FUNCTION audit_entries_are_append_only();
            DROP TABLE review_comments;
            DROP TABLE user_tokens;
            DROP TABLE user_roles;
            DROP TABLE user_logins;
            DROP TABLE user_claims;
            DROP TABLE role_claims;
            DROP TABLE users;
            DROP TABLE roles;
            DROP TABLE data_protection_keys;
            ALTER TABLE content_variants
                DROP COLUMN review_revision_id, DROP COLUMN review_by, DROP COLUMN review_at,
                DROP COLUMN sign_off_revision_id, DROP COLUMN sign_off_by, DROP COLUMN sign_off_at,
                DROP COLUMN withdrawn;
            DROP INDEX ix_content_items_state_publish_at;
            DROP INDEX ix_content_items_state_unpublish_at;
            ALTER TABLE content_items
                DROP COLUMN review_revision_id, DROP COLUMN review_by, DROP COLUMN review_at,
                DROP COLUMN sign_off_revision_id, DROP COLUMN sign_off_by, DROP COLUMN sign_off_at,
                DROP COLUMN publish_at, DROP COLUMN unpublish_at, DROP COLUMN published_at;
            """);
}
