using System.Net;
using System.Net.Http.Json;
using ContentHub.Api.Features.Audit;
using ContentHub.Api.Http;
using ContentHub.Domain.People;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContentHub.Api.Tests.Audit;

public sealed class AuditLogTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_log_is_queried_by_item_person_action_and_time()
    {
        var item = await api.Given.ArticleAsync();
        await Steps.TakeAsync(api.Client, item.Id, "submit");

        var byItem = await ListAsync($"itemId={item.Id}");
        Assert.Equal(["workflow.submit", "item.created"], byItem.Items.Select(e => e.Action));
        Assert.All(byItem.Items, e => Assert.Equal("admin", e.Actor));

        var submits = await ListAsync($"itemId={item.Id}&action=workflow.submit&actor=admin");
        Assert.Equal(("Draft", "InReview"), (Assert.Single(submits.Items).FromState, submits.Items[0].ToState));

        var at = byItem.Items[0].At;
        var window = await ListAsync($"itemId={item.Id}&from={Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
        Assert.Contains(window.Items, e => e.Action == "workflow.submit");
        var before = await ListAsync($"itemId={item.Id}&to={Uri.EscapeDataString(byItem.Items[^1].At.AddTicks(-10).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
        Assert.Empty(before.Items);

        using var badTime = await api.Client.GetAsync("/api/v1/audit?from=yesterday");
        await ProblemAssert.IsValidationProblemAsync(badTime, "from");
    }

    [Fact]
    public async Task The_export_is_csv_that_spreadsheets_read_safely()
    {
        var item = await api.Given.ArticleAsync(title: "=HYPERLINK(\"http://evil\"), \"Bắc Giang\"");
        using var response = await api.Client.GetAsync($"/api/v1/audit/export?itemId={item.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,action,item_id,language,subject,from_state,to_state,ip_address,details", lines[0]);
        var created = Assert.Single(lines[1..]);
        Assert.Contains($",admin,item.created,{item.Id},vi,,,Draft,,", created, StringComparison.Ordinal);
        // The details begin with the kind, so the title's formula is inside a quoted, harmless cell.
        Assert.EndsWith("\"Article: =HYPERLINK(\"\"http://evil\"\"), \"\"Bắc Giang\"\"\"", created, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_defused()
    {
        var name = "=cmd-" + Guid.NewGuid().ToString("N")[..6];
        using (var failed = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new Api.Features.People.TokenRequest(name, "x")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var csv = await api.Client.GetStringAsync($"/api/v1/audit/export?actor={Uri.EscapeDataString(name)}");

        Assert.Contains(",'" + name + ",auth.login-failed,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_and_leads_read_the_log()
    {
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], (await api.Given.OrgUnitAsync()).Id);
        var (lead, _) = await Staff.NewAsync(api.Factory, [Role.Lead]);

        using var refused = await editor.GetAsync("/api/v1/audit");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "forbidden");
        using var allowed = await lead.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_entries()
    {
        await api.Given.ArticleAsync();
        await using var db = api.CreateDbContext();

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'someone else'"));
        Assert.Contains("cannot be changed or deleted", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries"));
        Assert.True(await db.AuditEntries.AnyAsync());
    }

    private async Task<PagedResponse<AuditEntryResponse>> ListAsync(string query) =>
        (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?pageSize=100&" + query, TestJson.Options))!;
}
