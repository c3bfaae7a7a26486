using System.Net;
using System.Text;
using ContentHub.Domain.People;
using ContentHub.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.People;

/// <summary>
/// Every route the service maps, against every role and anonymous. The routes are read from the
/// running service, so a new route without an entry in <see cref="Allowed"/> fails this test.
/// Anonymous callers get 401, callers without the route's role 403, and callers with it anything
/// else (the requests use unknown ids and empty bodies, so they end in 400 or 404 without side effects).
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] Editors = [Role.Admin, Role.Editor];
    private static readonly Role[] Writers = [Role.Admin, Role.Editor, Role.Translator];
    private static readonly Role[] Admins = [Role.Admin];
    private static readonly Role[] AuditReaders = [Role.Admin, Role.Lead];

    /// <summary>Routes for portals: only an API key opens them, so every staff token gets 401 too.</summary>
    private static readonly Role[] PortalKeyOnly = [];

    /// <summary>Who may call each route (by operation id); null means anyone, signed in or not.</summary>
    private static readonly Dictionary<string, Role[]?> Allowed = new()
    {
        ["SignIn"] = null,
        ["RefreshToken"] = null,
        ["GetMe"] = Everyone,
        ["ChangeMyPassword"] = Everyone,
        ["ListUsers"] = Admins,
        ["CreateUser"] = Admins,
        ["GetUser"] = Admins,
        ["UpdateUser"] = Admins,
        ["ResetPassword"] = Admins,
        ["ListItems"] = Everyone,
        ["SearchItems"] = Everyone,
        ["GetItem"] = Everyone,
        ["CreateItem"] = Editors,
        ["UpdateItem"] = Editors,
        ["DeleteItem"] = Editors,
        ["GetVariant"] = Everyone,
        ["PutVariant"] = Writers,
        ["DeleteVariant"] = Writers,
        ["ListRevisions"] = Everyone,
        ["GetRevision"] = Everyone,
        ["DiffRevisions"] = Everyone,
        ["RestoreRevision"] = Writers,
        ["ListCategories"] = Everyone,
        ["GetCategory"] = Everyone,
        ["CreateCategory"] = Admins,
        ["UpdateCategory"] = Admins,
        ["DeleteCategory"] = Admins,
        ["ListOrgUnits"] = Everyone,
        ["GetOrgUnit"] = Everyone,
        ["CreateOrgUnit"] = Admins,
        ["UpdateOrgUnit"] = Admins,
        ["DeleteOrgUnit"] = Admins,
        ["TakeWorkflowStep"] = Everyone,
        ["ApproveVariant"] = Everyone,
        ["SignOffVariant"] = Everyone,
        ["WithdrawVariant"] = Everyone,
        ["ListGlossaryTerms"] = Everyone,
        ["CreateGlossaryTerm"] = Everyone,
        ["GetGlossaryTerm"] = Everyone,
        ["UpdateGlossaryTerm"] = Everyone,
        ["DeleteGlossaryTerm"] = Everyone,
        ["ExportGlossary"] = Everyone,
        ["ImportGlossary"] = Everyone,
        ["GetTranslations"] = Everyone,
        ["RequestMachineTranslation"] = Everyone,
        ["PlanTranslations"] = Everyone,
        ["ReviewTranslation"] = Everyone,
        ["SubmitTranslation"] = Everyone,
        ["ReturnTranslation"] = Everyone,
        ["WriteTranslatedCues"] = Everyone,
        ["RequestMachineTranslationBatch"] = Everyone,
        ["GetTranslationJob"] = Everyone,
        ["GetTranslationQueue"] = Everyone,
        ["GetTranslationUsage"] = Admins,
        ["ExportXliff"] = Everyone,
        ["ImportXliff"] = Everyone,
        ["ExportTranslationMemory"] = Everyone,
        ["ImportTranslationMemory"] = Everyone,
        ["ListComments"] = Everyone,
        ["AddComment"] = Everyone,
        ["ListAuditEntries"] = AuditReaders,
        ["ExportAuditEntries"] = AuditReaders,
        ["ListPortals"] = Admins,
        ["CreatePortal"] = Admins,
        ["GetPortal"] = Admins,
        ["UpdatePortal"] = Admins,
        ["DeletePortal"] = Admins,
        ["ListApiKeys"] = Admins,
        ["IssueApiKey"] = Admins,
        ["RevokeApiKey"] = Admins,
        ["RotateFeedToken"] = Admins,
        ["GetAnswerCache"] = Admins,
        ["UploadMedia"] = Writers,
        ["GetMedia"] = Everyone,
        ["DownloadMedia"] = Everyone,
        ["GetMediaRendition"] = Everyone,
        ["GetMediaPoster"] = Everyone,
        ["GetMediaText"] = Everyone,
        ["SetMediaCaption"] = Writers,
        ["RemoveMediaCaption"] = Writers,
        ["DeleteMedia"] = Editors,
        ["CleanUpMedia"] = Admins,
        ["SetMediaFocalPoint"] = Editors,
        ["ClearMediaFocalPoint"] = Editors,
        ["ResumableUploadOptions"] = Writers,
        ["CreateResumableUpload"] = Writers,
        ["GetResumableUploadOffset"] = Writers,
        ["AppendResumableUpload"] = Writers,
        ["DeleteResumableUpload"] = Writers,
        ["ListWebhooks"] = Admins,
        ["CreateWebhook"] = Admins,
        ["DeleteWebhook"] = Admins,
        ["RotateWebhookSecret"] = Admins,
        ["EnableWebhook"] = Admins,
        ["ListWebhookDeliveries"] = Admins,
        ["RedeliverWebhooks"] = Admins,
        ["GetFeed"] = null,
        ["GetSitemapIndex"] = null,
        ["GetSitemap"] = null,
        // Open like feeds: each checks its portal's own rules (public, its key, its feed token).
        ["GetPortalFile"] = null,
        ["GetPortalFileRendition"] = null,
        ["GetPortalFilePoster"] = null,
        ["SyncPortal"] = PortalKeyOnly,
        ["SearchPortal"] = PortalKeyOnly,
        ["GetOwnPortal"] = PortalKeyOnly,
        ["ODataServiceDocument"] = null,
        ["ODataMetadata"] = null,
        ["ODataQuery"] = PortalKeyOnly,
        // Open itself: each request in it is authorized as on its own, with the batch's key (ODataBatchTests).
        ["ODataBatch"] = null,
        // Supervisors and load balancers hold no credentials; the answers say nothing but healthy or not.
        ["HealthLive"] = null,
        ["HealthReady"] = null,
    };

    [Fact]
    public async Task Every_route_answers_each_role_as_designed()
    {
        var routes = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Method: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single(), e.RoutePattern.RawText!))
            .ToList();
        Assert.All(routes, route => Assert.True(route.Name is not null && Allowed.ContainsKey(route.Name), $"{route.Method} {route.Item3} has no entry in the matrix."));
        Assert.Equal(Allowed.Count, routes.Count);

        var unit = await api.Given.OrgUnitAsync();
        var clients = new Dictionary<Role, HttpClient> { [Role.Admin] = api.Client };
        foreach (var role in Everyone.Where(r => r != Role.Admin))
        {
            clients[role] = (await Staff.NewAsync(api.Factory, [role], unit.Id, role == Role.Translator ? ["en"] : null)).Client;
        }

        var failures = new List<string>();
        foreach (var (name, method, pattern) in routes)
        {
            var allowed = Allowed[name!];
            var url = "/" + pattern.TrimStart('/')
                .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{language}", "en", StringComparison.Ordinal)
                .Replace("{revisionId}", "1", StringComparison.Ordinal)
                .Replace("{action}", "no-such-step", StringComparison.Ordinal)
                .Replace("{keyId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{**path}", "Articles", StringComparison.Ordinal)
                .Replace("{portal}", "no-such-portal", StringComparison.Ordinal)
                .Replace("{file}", "atom.xml", StringComparison.Ordinal)
                .Replace("{number:int}", "1", StringComparison.Ordinal)
                .Replace("{jobId}", "1", StringComparison.Ordinal)
                .Replace("{rendition}", "640.webp", StringComparison.Ordinal)
                .Replace("{subscriptionId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            url += name == "DiffRevisions" ? "?to=2" : string.Empty;

            var anonymous = await SendAsync(api.Anonymous, method!, url);
            Check(failures, $"anonymous {method} {url}", anonymous, allowed is null ? null : HttpStatusCode.Unauthorized);
            foreach (var (role, client) in clients)
            {
                var status = await SendAsync(client, method!, url);
                var expected = allowed is null || allowed.Contains(role) ? (HttpStatusCode?)null
                    : ReferenceEquals(allowed, PortalKeyOnly) ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                Check(failures, $"{role} {method} {url}", status, expected);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // Expected null: anything but 401 or 403 (and never a 500).
    private static void Check(List<string> failures, string what, HttpStatusCode actual, HttpStatusCode? expected)
    {
        var ok = expected is { } status
            ? actual == status
            : actual is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)actual < 500;
        if (!ok)
        {
            failures.Add($"{what}: got {(int)actual}, expected {(expected is null ? "neither 401 nor 403" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
