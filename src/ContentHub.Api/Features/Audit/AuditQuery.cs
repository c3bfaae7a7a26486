namespace ContentHub.Api.Features.Audit;

/// <summary>Which audit entries to read, newest first.</summary>
/// <param name="ItemId">Only entries about this item.</param>
/// <param name="Actor">Only entries by this person (user name).</param>
/// <param name="Action">Only this action, such as workflow.approve or auth.login-failed.</param>
/// <param name="From">From this time on, with an offset (2026-11-01T00:00:00+07:00).</param>
/// <param name="To">Before this time, with an offset.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Entries per page, 1 to 100 (default 20).</param>
public sealed record AuditQuery(Guid? ItemId = null, string? Actor = null, string? Action = null, string? From = null, string? To = null, int? Page = null, int? PageSize = null);
