using ContentHub.Data;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Taxonomy;
using ContentHub.OData;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Features.OData;

/// <summary>Queries of the Categories set: a portal's categories, named along its language chain (see <see cref="CategoryMap"/>).</summary>
public static class CategoryQuery
{
    // The portal's categories (all, when it carries every category), by slug unless $orderby says otherwise.
    public static async Task AnswerAsync(HttpContext http, ContentHubDbContext db, ODataUriParser parser, ODataPath path, IEdmEntitySet set, Portal portal)
    {
        if (ODataRequests.Option(http.Request, "search") is not null)
        {
            throw ODataQueryException.NotImplemented("$search on Categories");
        }

        var language = ODataRequests.ServeLanguage(http, portal);
        var version = ODataEndpoints.AnnounceVersion(http);
        var query = db.Categories.AsNoTracking();
        if (portal.CategoryIds.Count > 0)
        {
            var carried = portal.CategoryIds;
            query = query.Where(c => carried.Contains(c.Id));
        }

        var key = path.LastSegment is KeySegment k ? (Guid?)k.Keys.Single().Value : null;
        if (key is { } id)
        {
            query = query.Where(c => c.Id == id);
        }

        var binder = new QueryComposer<Category>(PortalModel.Instance, CategoryMap.For(language.Chain));
        if (parser.ParseFilter() is { } filter)
        {
            query = query.Where(binder.Filter(filter, parser.ParameterAliasNodes));
        }

        if (path.LastSegment is CountSegment)
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync((await query.LongCountAsync(http.RequestAborted)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        long? count = parser.ParseCount() == true ? await query.LongCountAsync(http.RequestAborted) : null;
        var orderBy = parser.ParseOrderBy();
        var ordered = orderBy is null ? query.OrderBy(c => c.Slug).ThenBy(c => c.Id) : binder.OrderBy(query, orderBy, c => c.Id, tieBreakDescending: false, parser.ParameterAliasNodes);
        var window = PageWindow.Read(http, parser, SkipToken.Parse(parser.ParseSkipToken(), SkipToken.Order.Computed).Offset);
        var rows = await ordered.Skip(window.Skip).Take(window.Fetch)
            .Select(CategoryMap.View(language.Chain))
            .ToListAsync(http.RequestAborted);
        if (key is not null && rows.Count == 0)
        {
            throw new ODataQueryException(404, "NotFound", $"No category {key} for this portal.");
        }

        var next = window.Cut(rows, _ => window.OffsetToken);

        var uri = new ODataUri { ServiceRoot = ODataEndpoints.ServiceRoot(http.Request), Path = path, SelectAndExpand = parser.ParseSelectAndExpand() };
        await ODataEndpoints.SendAsync(http, EntryWriter.Categories(set, uri, version, ODataEndpoints.MetadataLevel(http.Request), rows, count, next, byKey: key is not null));
    }

}
