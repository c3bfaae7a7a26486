using System.Globalization;
using System.Text;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Audit;

/// <summary>Reading the audit log (admins and leads). There is deliberately no way to change or delete it.</summary>
public static class AuditEndpoints
{
    /// <summary>The most rows one export holds; narrow the filters for more.</summary>
    public const int MaxExportRows = 100_000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.AuditReaders);
        audit.MapGet("/", ListEntries).WithName("ListAuditEntries").WithSummary("Queries the audit log by item, person, action and time, newest first.").ProducesListProblems();
        audit.MapGet("/export", ExportEntries).WithName("ExportAuditEntries").WithSummary("Exports the matching audit entries as CSV (UTF-8).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesListProblems();
        return routes;
    }

    /// <summary>Lists audit entries, newest first.</summary>
    public static async Task<Results<Ok<PagedResponse<AuditEntryResponse>>, ProblemHttpResult>> ListEntries(
        [AsParameters] AuditQuery query, ContentHubDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (page, size) = PageRequest.Check(query.Page, query.PageSize, errors);
        var entries = Filter(db, query, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return TypedResults.Ok(await entries.OrderByDescending(e => e.Id).ToPageAsync(page, size, AuditEntryResponse.From, cancellationToken));
    }

    /// <summary>Exports the matching entries, oldest first, as CSV (RFC 4180) with a byte-order mark so spreadsheets read Vietnamese correctly.</summary>
    public static async Task<IResult> ExportEntries([AsParameters] AuditQuery query, ContentHubDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var entries = Filter(db, query, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"contenthub-audit.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteAsync("id,at,actor,action,item_id,language,subject,from_state,to_state,ip_address,details\r\n");
        await foreach (var e in entries.OrderBy(e => e.Id).Take(MaxExportRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            string?[] fields = [e.Id.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Action,
                e.ItemId?.ToString(), e.Language, e.Subject, e.FromState, e.ToState, e.IpAddress, e.Details];
            await writer.WriteAsync(string.Join(',', fields.Select(Csv)) + "\r\n");
        }

        return Results.Empty;
    }

    private static IQueryable<AuditEntry> Filter(ContentHubDbContext db, AuditQuery query, FieldErrors errors)
    {
        var entries = db.AuditEntries.AsNoTracking();
        entries = query.ItemId is { } item ? entries.Where(e => e.ItemId == item) : entries;
        entries = query.Actor is { Length: > 0 } actor ? entries.Where(e => e.Actor == actor) : entries;
        entries = query.Action is { Length: > 0 } action ? entries.Where(e => e.Action == action) : entries;
        if (query.From is not null && errors.Require(Timestamps.TryParse(query.From, out var from), "from", "A time with its offset, for example 2026-11-01T00:00:00+07:00."))
        {
            entries = entries.Where(e => e.At >= from.ToUniversalTime());
        }

        if (query.To is not null && errors.Require(Timestamps.TryParse(query.To, out var to), "to", "A time with its offset, for example 2026-12-01T00:00:00+07:00."))
        {
            entries = entries.Where(e => e.At < to.ToUniversalTime());
        }

        return entries;
    }

    // Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula.
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
