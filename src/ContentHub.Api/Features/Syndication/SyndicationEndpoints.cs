using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.Search;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Taxonomy;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Syndication;

/// <summary>Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) per portal and language, and the portal's sitemaps.</summary>
public static class SyndicationEndpoints
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        ["rss.xml"] = FeedWriters.Rss,
        ["atom.xml"] = FeedWriters.Atom,
        ["feed.json"] = FeedWriters.JsonFeed,
    };

    public static IEndpointRouteBuilder MapSyndicationEndpoints(this IEndpointRouteBuilder routes)
    {
        // Open routes: each checks the portal's own rules (public, its key, or its feed token).
        routes.MapGet("/feeds/{portal}/{language}/{file}", FeedAsync).WithTags("Syndication").WithName("GetFeed").AllowAnonymous()
            .WithSummary("The portal's newest 50 entries in one language as rss.xml, atom.xml or feed.json; category= (slug) and kind= (article, video, promo-asset) narrow it.")
            .Produces(StatusCodes.Status200OK, contentType: FeedWriters.Atom).Produces(StatusCodes.Status304NotModified).ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        routes.MapGet("/sitemaps/{portal}/sitemap.xml", SitemapIndexAsync).WithTags("Syndication").WithName("GetSitemapIndex").AllowAnonymous()
            .WithSummary("The portal's sitemap index.").Produces(StatusCodes.Status200OK, contentType: "application/xml").Produces(StatusCodes.Status304NotModified)
            .ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        routes.MapGet("/sitemaps/{portal}/sitemap-{number:int}.xml", SitemapAsync).WithTags("Syndication").WithName("GetSitemap").AllowAnonymous()
            .WithSummary("One of the portal's sitemaps (at most 50,000 URLs, with hreflang alternates).").Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .Produces(StatusCodes.Status304NotModified).ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        routes.MapGet("/api/v1/sync", SyncAsync).WithTags("Syndication").WithName("SyncPortal").AllowAnonymous().Produces<SyncPage>().Produces(StatusCodes.Status304NotModified)
            .WithSummary("Incremental sync for a portal (X-Api-Key, or portal= for a public one): everything it carries, then what changed since the cursor.")
            .ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        routes.MapGet("/api/v1/portal/search", SearchAsync).WithTags("Syndication").WithName("SearchPortal").AllowAnonymous().Produces<SearchPage<PortalHit>>()
            .WithSummary("Search for a portal's readers (X-Api-Key, or portal= for a public one): what the portal shows, ranked, with snippets, paging and did-you-mean.")
            .ProducesListProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    /// <summary>Hits are the portal's entries, best first, in the asked language or its fallbacks.</summary>
    public static async Task<IResult> SearchAsync([AsParameters] PortalSearchQuery query, HttpContext http, PortalDirectory directory, PortalSearch search, CancellationToken cancellationToken)
    {
        if (await OData.ODataRequests.PortalAsync(http, directory) is not { } portal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send the portal's key in X-Api-Key, or name a public portal with portal=.", type: ProblemTypes.Unauthorized);
        }

        return (await search.SearchAsync(portal, query, cancellationToken)).ToResult(TypedResults.Ok);
    }

    /// <summary>Send no cursor the first time, then the cursor of the last page; call again at once while more is true.</summary>
    public static async Task<IResult> SyncAsync(
        HttpContext http, PortalDirectory directory, PortalSync sync, IOptions<JsonOptions> json, CancellationToken cancellationToken,
        string? cursor = null, string? languages = null, string? kinds = null, int? pageSize = null)
    {
        if (await OData.ODataRequests.PortalAsync(http, directory) is not { } portal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send the portal's key in X-Api-Key, or name a public portal with portal=.", type: ProblemTypes.Unauthorized);
        }

        var outcome = await sync.PageAsync(portal, cursor, languages, kinds, pageSize, PortalFileLinks.BaseOf(http.Request), cancellationToken);
        if (outcome is not Outcome<SyncPage>.Done { Value: var page })
        {
            return outcome.ToProblem();
        }

        // A poll with a cursor that has nothing new gets the same bytes again: 304 for a matching If-None-Match.
        return ConditionalGet.AnswerByETag(http, JsonSerializer.SerializeToUtf8Bytes(page, json.Value.SerializerOptions), "application/json");
    }

    public static async Task<IResult> FeedAsync(
        string portal, string language, string file, HttpContext http, PortalDirectory directory, PortalAnswerCache answers, string? category = null, string? kind = null)
    {
        var (access, found) = await FeedAccess.CheckAsync(http, portal, directory);
        if (Refusal(access, portal) is { } refused)
        {
            return refused;
        }

        await answers.ServeAsync(http, found!, access.ToString(), context => ExecuteAsync(context, MakeFeedAsync(context, found!, access, language, file, category, kind)));
        return Results.Empty;
    }

    private static async Task<IResult> MakeFeedAsync(HttpContext http, Portal found, FeedAccess.Outcome access, string language, string file, string? category, string? kind)
    {
        var db = http.RequestServices.GetRequiredService<ContentHubDbContext>();
        var feeds = http.RequestServices.GetRequiredService<FeedEntries>();
        var cancellationToken = http.RequestAborted;
        var errors = new FieldErrors();
        var served = PortalFilters.Language(found, language, errors);
        errors.Require(Formats.ContainsKey(file), "file", "rss.xml, atom.xml or feed.json.");
        var only = PortalFilters.Kind(found, kind, errors);
        Guid? categoryId = null;
        string? categoryName = null;
        if (category is not null && !errors.Any && await PortalFilters.CategoryAsync(db, found, category, errors, cancellationToken) is { } match)
        {
            categoryId = match.Id;
            categoryName = match.Names.In(served);
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var mediaType = Formats[file];
        var entries = await feeds.NewestAsync(found, served, categoryId, only, FeedEntries.FeedSize, PortalFileLinks.BaseOf(http.Request), cancellationToken);
        var updated = entries.Count == 0 ? found.CreatedAt : entries.Max(e => e.UpdatedAt);
        var title = found.Name + (categoryName is null ? string.Empty : " — " + categoryName);
        var self = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}");
        var feed = new Feed(title, served.Code, PortalLinks.Home(found, served.Code), self, PortalLinks.FeedId(found, served.Code, category, only), updated, entries);
        var lastModified = await LastChange.OfAnswersAsync(http, found);
        return ConditionalGet.Answer(http, FeedWriters.Write(feed, mediaType), mediaType, lastModified, access == FeedAccess.Outcome.Public);
    }

    public static async Task<IResult> SitemapIndexAsync(string portal, HttpContext http, PortalDirectory directory, PortalAnswerCache answers)
    {
        var (access, found) = await FeedAccess.CheckAsync(http, portal, directory);
        if (Refusal(access, portal) is { } refused)
        {
            return refused;
        }

        await answers.ServeAsync(http, found!, access.ToString(), context => ExecuteAsync(context, MakeSitemapIndexAsync(context, portal, found!, access)));
        return Results.Empty;
    }

    private static async Task<IResult> MakeSitemapIndexAsync(HttpContext http, string portal, Portal found, FeedAccess.Outcome access)
    {
        var pages = await http.RequestServices.GetRequiredService<Sitemaps>().PagesAsync(found, http.RequestAborted);
        var token = http.Request.Query["token"].ToString();
        var body = Sitemaps.Index(pages, n => new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/sitemaps/{Uri.EscapeDataString(portal)}/sitemap-{n}.xml"
            + (token.Length > 0 ? "?token=" + Uri.EscapeDataString(token) : string.Empty)));
        return ConditionalGet.Answer(http, body, "application/xml", await LastChange.OfAnswersAsync(http, found), access == FeedAccess.Outcome.Public);
    }

    public static async Task<IResult> SitemapAsync(string portal, int number, HttpContext http, PortalDirectory directory, PortalAnswerCache answers)
    {
        var (access, found) = await FeedAccess.CheckAsync(http, portal, directory);
        if (Refusal(access, portal) is { } refused)
        {
            return refused;
        }

        await answers.ServeAsync(http, found!, access.ToString(), context => ExecuteAsync(context, MakeSitemapAsync(context, portal, number, found!, access)));
        return Results.Empty;
    }

    private static async Task<IResult> MakeSitemapAsync(HttpContext http, string portal, int number, Portal found, FeedAccess.Outcome access)
    {
        var pages = await http.RequestServices.GetRequiredService<Sitemaps>().PagesAsync(found, http.RequestAborted);
        return Sitemaps.Sitemap(pages, number) is { } body
            ? ConditionalGet.Answer(http, body, "application/xml", await LastChange.OfAnswersAsync(http, found), access == FeedAccess.Outcome.Public)
            : Problems.NotFound($"Sitemap {number} of portal {portal}");
    }

    private static async Task ExecuteAsync(HttpContext http, Task<IResult> result) => await (await result).ExecuteAsync(http);

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refusal(FeedAccess.Outcome access, string portal) => access switch
    {
        FeedAccess.Outcome.Unknown => Problems.NotFound($"Portal {portal}"),
        FeedAccess.Outcome.Refused => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "This portal's feeds need its key in X-Api-Key, or its feed token as ?token=.", type: ProblemTypes.Unauthorized),
        _ => null,
    };
}
