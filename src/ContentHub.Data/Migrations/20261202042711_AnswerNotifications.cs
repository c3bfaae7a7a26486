using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Data.Migrations
{
    /// <summary>
    /// Tells every instance, on commit, that what portals are served changed, so that each drops its
    /// cached answers: a NOTIFY on <c>contenthub_answers</c> from the changing transaction itself,
    /// whichever code path (or person at psql) made the change. Once per statement, not per row.
    /// </summary>
    public partial class AnswerNotifications : Migration
    {
        private static readonly string[] Tables = ["sync_changes", "categories", "category_names", "org_units", "org_unit_names"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('contenthub_answers', '');
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_notify_answers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_answers_changed();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TRIGGER {table}_notify_answers ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION notify_answers_changed();");
        }
    }
}
