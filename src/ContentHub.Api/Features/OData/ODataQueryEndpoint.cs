using ContentHub.Api.Http;
using ContentHub.Api.Features.Portals;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.Domain.Publishing;
using ContentHub.Api.Features.Search;
using ContentHub.Search;
using ContentHub.OData;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Queries of the entry sets (Articles, Videos, PromoAssets): parsed by ODataUriParser, bound to EF Core
/// LINQ by the package's binder through <see cref="QueryComposer{T}"/> over <see cref="PortalEntries"/>, written by
/// <see cref="EntryJsonWriter"/> (by ODataMessageWriter for full metadata). The portal comes from its
/// API key, or from the <c>portal</c> option for a public portal; the language from <c>lang</c> or
/// Accept-Language, resolved along the portal's fallback chain.
/// </summary>
public static class ODataQueryEndpoint
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 4096;

    private static readonly Dictionary<string, ContentKind> Kinds = new(StringComparer.Ordinal)
    {
        [PortalModel.Sets.Articles] = ContentKind.Article,
        [PortalModel.Sets.Videos] = ContentKind.Video,
        [PortalModel.Sets.PromoAssets] = ContentKind.PromoAsset,
    };

    /// <summary>
    /// Checks the query's size and the portal outside the cache (a refused caller never reaches it),
    /// then answers from <see cref="PortalAnswerCache"/>, which makes the answer with
    /// <see cref="AnswerSafelyAsync"/> when it has none.
    /// </summary>
    public static async Task HandleAsync(HttpContext http, PortalDirectory portals, PortalAnswerCache answers)
    {
        Portal portal;
        try
        {
            if (http.Request.QueryString.Value?.Length > MaxQueryLength)
            {
                throw ODataQueryException.Limit("query", $"The query string is longer than {MaxQueryLength} characters.");
            }

            ODataRequests.CheckOptions(http.Request);
            portal = await ODataRequests.PortalAsync(http, portals) ?? throw new ODataQueryException(401, "Unauthorized", "Send the portal's key in X-Api-Key, or name a public portal with portal=.", "X-Api-Key");
        }
        catch (ODataQueryException refused)
        {
            await ODataErrors.WriteAsync(http, refused.Status, refused.Code, refused.Message, refused.Target);
            return;
        }

        // A public portal's answers may be kept by shared caches (CDNs); a keyed portal's only by the portal's own.
        var keyed = http.Request.Headers.ContainsKey(ApiKeyHandler.Header);
        http.Response.Headers.CacheControl = keyed ? "private, max-age=60" : "public, max-age=60, stale-while-revalidate=300";
        await answers.ServeAsync(http, portal, keyed ? "key" : "public", context => AnswerSafelyAsync(context, portal));
    }

    /// <summary>Answers the query, or writes the OData error that says why not.</summary>
    private static async Task AnswerSafelyAsync(HttpContext http, Portal portal)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<ContentHubDbContext>();
        try
        {
            await AnswerAsync(http, db, services.GetRequiredService<PortalEntries>(), portal, services.GetRequiredService<TimeProvider>());
        }
        catch (ODataQueryException refused)
        {
            await ODataErrors.WriteAsync(http, refused.Status, refused.Code, refused.Message, refused.Target);
        }
        catch (ODataUnrecognizedPathException unknown)
        {
            await ODataErrors.WriteAsync(http, StatusCodes.Status404NotFound, "NotFound", unknown.Message);
        }
        catch (ODataException bad)
        {
            await ODataErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "BadRequest", bad.Message);
        }
        catch (Exception failed) when (failed.GetBaseException() is Npgsql.PostgresException { SqlState: "22012" or "22003" or "22008" } arithmetic && !http.Response.HasStarted)
        {
            // The query itself asks PostgreSQL for the impossible: a division by zero, a number or date out of range.
            await ODataErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "BadRequest", "The query cannot be evaluated: " + arithmetic.MessageText + ".", "$filter");
        }
        catch (Exception arithmetic) when ((arithmetic.GetBaseException() is DivideByZeroException or OverflowException) && !http.Response.HasStarted)
        {
            // The same, found while EF Core folds the query's constants before sending it.
            await ODataErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "BadRequest", "The query cannot be evaluated: " + arithmetic.GetBaseException().Message, "$filter");
        }
        catch (InvalidOperationException untranslatable) when (untranslatable.Message.Contains("could not be translated", StringComparison.Ordinal) && !http.Response.HasStarted)
        {
            // A construct the binder accepted but EF Core cannot turn into SQL: refused rather than evaluated in memory.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ODataQueryEndpoint)).LogWarning(untranslatable, "An OData query could not be translated to SQL");
            await ODataErrors.WriteAsync(http, StatusCodes.Status501NotImplemented, "NotImplemented", "This query cannot be answered by this service.");
        }
    }

    private static async Task AnswerAsync(HttpContext http, ContentHubDbContext db, PortalEntries entries, Portal portal, TimeProvider clock)
    {
        var request = http.Request;
        var root = ODataEndpoints.ServiceRoot(request);
        var parser = new ODataUriParser(PortalModel.Instance, root, new Uri(root, request.Path.Value!["/odata/".Length..] + ODataRequests.QueryForParser(request)))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
            EnableNoDollarQueryOptions = true,
        };
        parser.Settings.MaximumExpansionDepth = 1;
        var path = parser.ParsePath();
        http.Response.Headers.LastModified = Preconditions.HttpDate(await LastChange.OfAnswersAsync(http, portal));
        if (path.FirstSegment is EntitySetSegment { EntitySet.Name: PortalModel.Sets.Categories } categories)
        {
            await CategoryQuery.AnswerAsync(http, db, parser, path, categories.EntitySet, portal);
            return;
        }

        if (path.FirstSegment is not EntitySetSegment { EntitySet: var set } || !Kinds.TryGetValue(set.Name, out var kind))
        {
            throw ODataQueryException.NotImplemented("Querying this resource");
        }

        // $compute first: $select, $filter and $orderby may name what it computes.
        var compute = Computed(parser.ParseCompute(), set);
        var select = parser.ParseSelectAndExpand();
        var language = ODataRequests.ServeLanguage(http, portal);
        var query = new EntryQuery(
            http, db, portal, language.Chain, set, new ODataUri { ServiceRoot = root, Path = path, SelectAndExpand = select },
            ODataEndpoints.AnnounceVersion(http), ODataEndpoints.MetadataLevel(request), select, Expansions.Of(select));
        var visible = entries.Visible(portal, kind, language.Chain);
        var binder = new QueryComposer<Listing>(PortalModel.Instance, entries.Map(portal)) { Clock = clock, Compute = compute };
        var computed = ComputedSelection(binder, select, parser);
        query = query with { Computed = computed };
        if (path.Any(segment => segment is NavigationPropertySegment))
        {
            throw ODataQueryException.NotImplemented("Addressing a category or files through an entry (use $expand)");
        }

        if (path.LastSegment is KeySegment key)
        {
            await AnswerEntityAsync(query, visible, (Guid)key.Keys.Single().Value);
            return;
        }

        if (parser.ParseApply() is { } apply)
        {
            await AnswerAggregatedAsync(query, visible, binder, parser, apply, path);
            return;
        }

        visible = Narrowed(visible, binder, parser, request);
        if (path.LastSegment is CountSegment)
        {
            var total = await visible.LongCountAsync(http.RequestAborted);
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        await AnswerPageAsync(query, visible, binder, parser);
    }

    /// <summary>What answering one entry set's query needs once the request is read.</summary>
    private sealed record EntryQuery(
        HttpContext Http, ContentHubDbContext Db, Portal Portal, IReadOnlyList<Domain.Languages.LanguageTag> Chain, IEdmEntitySet Set, ODataUri Uri,
        ODataVersion Version, string Level, SelectExpandClause? Select, Expansions Expand)
    {
        /// <summary>The selected <c>$compute</c> properties and their values over a listing; null without any.</summary>
        public (string[] Names, System.Linq.Expressions.Expression<Func<Listing, object?[]>> Values)? Computed { get; init; }

        public IQueryable<EntryView> Rows(IQueryable<Listing> listings) => ODataQueryEndpoint.Rows(Db, Portal, Chain, listings, Select, Expand, Computed);

        /// <summary>
        /// Gives expanded files the addresses this portal downloads them from (as sync and feeds give them),
        /// and points the images a body places at them.
        /// </summary>
        public T Linked<T>(T rows)
            where T : IEnumerable<EntryView>
        {
            var links = Http.RequestServices.GetRequiredService<Portals.PortalFileLinks>();
            var serviceBase = Portals.PortalFileLinks.BaseOf(Http.Request);
            foreach (var row in rows)
            {
                // Addresses are made only where written: expanded, or for a body that places images.
                var placesImages = row.Body is { } body && body.AsSpan().IndexOf("/assets/"u8) >= 0;
                if (!Expand.Files && !placesImages)
                {
                    continue;
                }

                var files = links.For(serviceBase, Portal, row.PublishedFiles ?? []);
                row.Files = Expand.Files ? files : null;
                if (placesImages)
                {
                    row.Body = System.Text.Encoding.UTF8.GetBytes(Portals.PortalHtml.ForPortal(row.BodyHtml!, files));
                }
            }

            return rows;
        }
    }

    // One entry by key; its strong ETag (and 304) come from its bytes, as a list's do.
    private static async Task AnswerEntityAsync(EntryQuery query, IQueryable<Listing> visible, Guid id)
    {
        var http = query.Http;
        var row = await query.Rows(visible.Where(l => l.Item.ItemId == id)).SingleOrDefaultAsync(http.RequestAborted)
            ?? throw new ODataQueryException(404, "NotFound", $"No entry {id} in {query.Set.Name} for this portal.");
        query.Linked(new[] { row });
        if (EntryJsonWriter.Handles(query.Level))
        {
            await EntryJsonWriter.WriteEntityAsync(http, query.Set, query.Uri, query.Version, query.Level, row);
        }
        else
        {
            await ODataEndpoints.SendAsync(http, EntryWriter.Entity(query.Set, query.Uri, query.Version, query.Level, row));
        }
    }

    // $apply: grouped or aggregated results instead of entries; $filter, $orderby, $top and $skip then apply to the results.
    private static async Task AnswerAggregatedAsync(EntryQuery query, IQueryable<Listing> visible, QueryComposer<Listing> binder, ODataUriParser parser, Microsoft.OData.UriParser.Aggregation.ApplyClause apply, ODataPath path)
    {
        var request = query.Http.Request;
        foreach (var option in new[] { "search", "select", "expand", "count" })
        {
            if (ODataRequests.Option(request, option) is not null)
            {
                throw ODataQueryException.NotImplemented($"${option} together with $apply");
            }
        }

        if (path.LastSegment is CountSegment)
        {
            throw ODataQueryException.NotImplemented("/$count together with $apply");
        }

        var flat = EntryProjection.For(query.Db.Categories, query.Chain, reviewedOnly: !query.Portal.AcceptsUnreviewedMachineTranslation, body: false, languages: false, category: false);
        var page = await EntryAggregation.PageAsync(query.Http, visible, listings => listings.Select(flat), binder, parser, apply);
        await AggregateJsonWriter.WriteAsync(query.Http, query.Set, query.Uri.ServiceRoot, query.Version, query.Level, page);
    }

    // $filter and $search.
    private static IQueryable<Listing> Narrowed(IQueryable<Listing> visible, QueryComposer<Listing> binder, ODataUriParser parser, HttpRequest request)
    {
        if (parser.ParseFilter() is { } filter)
        {
            visible = visible.Where(binder.Filter(filter, parser.ParameterAliasNodes));
        }

        if (ODataRequests.Option(request, "search") is { } searchText)
        {
            // The search index, analysed per language as portals' search endpoint uses it; the order stays $orderby's.
            var terms = ParseSearch(searchText);
            visible = visible.Where(SearchTerms.Through(terms.Matching<PublishedEntry>(e => e.Language), (Listing l) => l.Entry));
        }

        return visible;
    }

    private static SearchTerms ParseSearch(string text)
    {
        try
        {
            return SearchTerms.Parse(text);
        }
        catch (SearchSyntaxException exception)
        {
            throw exception.TooLong ? ODataQueryException.Limit("$search", exception.Message) : new ODataQueryException(400, "BadRequest", exception.Message, "$search");
        }
    }

    // A page in the client's order (newest first by default), with $count and a nextLink whose token is a keyset where the order allows one.
    private static async Task AnswerPageAsync(EntryQuery query, IQueryable<Listing> visible, QueryComposer<Listing> binder, ODataUriParser parser)
    {
        var http = query.Http;
        var orderBy = parser.ParseOrderBy();
        long? count = parser.ParseCount() == true ? await visible.LongCountAsync(http.RequestAborted) : null;
        var keys = orderBy is null ? null : KeysetKeys(orderBy);
        var token = SkipToken.Parse(parser.ParseSkipToken(), orderBy is null ? SkipToken.Order.NewestFirst : keys is null ? SkipToken.Order.Computed : SkipToken.Order.ByKeys);
        if (token.After is var (publishedAt, itemId))
        {
            // Keyset paging for the newest-first order: items published meanwhile cannot shift the pages.
            visible = visible.Where(l => EF.Functions.LessThan(ValueTuple.Create(l.Item.PublishedAt, l.Item.ItemId), ValueTuple.Create(publishedAt, itemId)));
        }
        else if (token.Values is { Count: > 0 } values)
        {
            // The same under the client's order: right after the last entry's keys, its id breaking ties.
            var lastId = values[^1];
            var tie = lastId.ValueKind == System.Text.Json.JsonValueKind.String && lastId.TryGetGuid(out var id) ? id
                : throw new ODataQueryException(400, "BadRequest", "The $skiptoken is not one this service issued for this query.", "$skiptoken");
            visible = visible.Where(binder.After(orderBy!, values.Take(values.Count - 1).ToList(), l => l.Item.ItemId, tie, tieBreakDescending: true, parser.ParameterAliasNodes));
        }

        var ordered = orderBy is null
            ? visible.OrderByDescending(l => l.Item.PublishedAt).ThenByDescending(l => l.Item.ItemId)
            : binder.OrderBy(visible, orderBy, l => l.Item.ItemId, tieBreakDescending: true, parser.ParameterAliasNodes);
        var window = PageWindow.Read(http, parser, token.Offset);
        var page = query.Linked(await query.Rows(ordered.Skip(window.Skip).Take(window.Fetch)).ToListAsync(http.RequestAborted));
        var next = window.Cut(page, last => orderBy is null ? SkipToken.AfterEntry(last.PublishedAt, last.Id)
            : keys is not null ? SkipToken.AfterValues(keys.Select(key => key(last)).Append(last.Id))
            : window.OffsetToken);

        if (EntryJsonWriter.Handles(query.Level))
        {
            await EntryJsonWriter.WriteCollectionAsync(http, query.Set, query.Uri, query.Version, query.Level, page, count, next);
        }
        else
        {
            await ODataEndpoints.SendAsync(http, EntryWriter.Collection(query.Set, query.Uri, query.Version, query.Level, page, count, next));
        }
    }

    // How to read each $orderby key from a page row, when every key is a plain property that pages by keyset; else null (offsets).
    private static List<Func<EntryView, object?>>? KeysetKeys(OrderByClause orderBy)
    {
        var keys = new List<Func<EntryView, object?>>();
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            if (clause.Expression is not SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } property
                || !EntryFields.KeysetReaders.TryGetValue(property.Property.Name, out var read))
            {
                return null;
            }

            keys.Add(read);
        }

        return keys;
    }

    // A computed property is a new name: one the entity has already, or one computed twice, is a 400.
    private static ComputeClause? Computed(ComputeClause? compute, IEdmEntitySet set)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in compute?.ComputedItems ?? [])
        {
            if (!aliases.Add(item.Alias))
            {
                throw new ODataQueryException(400, "BadRequest", $"$compute names {item.Alias} twice.", "$compute");
            }

            if (set.EntityType.FindProperty(item.Alias) is not null
                || set.EntityType.StructuralProperties().Any(p => p.Name.Equals(item.Alias, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ODataQueryException(400, "BadRequest", $"$compute names {item.Alias}, which is a property of {set.EntityType.Name} already.", "$compute");
            }
        }

        return compute;
    }

    // The $compute properties $select names (computed properties are answered only when selected), with their values.
    private static (string[] Names, System.Linq.Expressions.Expression<Func<Listing, object?[]>> Values)? ComputedSelection(QueryComposer<Listing> binder, SelectExpandClause? select, ODataUriParser parser)
    {
        var selected = EntryWriter.Selected(select);
        var items = binder.Compute?.ComputedItems.Where(item => selected?.Contains(item.Alias) == true).ToList() ?? [];
        return items.Count == 0 ? null : (items.Select(item => item.Alias).ToArray(), binder.Computed(items, parser.ParameterAliasNodes));
    }

    // One statement: the page, with each entry's languages (those the portal may be shown), its category and its files when selected or expanded.
    private static IQueryable<EntryView> Rows(
        ContentHubDbContext db, Portal portal, IReadOnlyList<Domain.Languages.LanguageTag> chain, IQueryable<Listing> listings, SelectExpandClause? select, Expansions expand,
        (string[] Names, System.Linq.Expressions.Expression<Func<Listing, object?[]>> Values)? computed)
    {
        var selected = EntryWriter.Selected(select);
        var projection = EntryProjection.For(db.Categories, chain, reviewedOnly: !portal.AcceptsUnreviewedMachineTranslation,
            body: selected?.Contains("Body") != false, languages: selected?.Contains("AvailableLanguages") != false, category: expand.Category,
            files: expand.Files || selected?.Contains("Body") != false);
        return listings.Select(computed is var (names, values) ? EntryProjection.WithComputed(projection, names, values) : projection);
    }
}
