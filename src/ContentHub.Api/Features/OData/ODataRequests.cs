using ContentHub.Api.Features.Portals;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Portals;
using ContentHub.OData;
using Microsoft.AspNetCore.Authentication;

namespace ContentHub.Api.Features.OData;

/// <summary>What every OData query reads from its request: the portal, the language, the page size, and the next link.</summary>
public static class ODataRequests
{
    public static async Task<Portal?> PortalAsync(HttpContext http, PortalDirectory directory)
    {
        var key = await http.AuthenticateAsync(ApiKeyHandler.SchemeName);
        if (key.Succeeded && Guid.TryParse(key.Principal.FindFirst(ApiKeyHandler.PortalClaim)?.Value, out var portalId))
        {
            return await directory.PortalAsync(portalId, http.RequestAborted);
        }

        var slug = http.Request.Query["portal"].ToString();
        return key.None && slug.Length > 0 ? await directory.PublicPortalAsync(slug, http.RequestAborted) : null;
    }

    /// <summary>The language to serve, announced in Content-Language; Vary names every header that shapes the answer.</summary>
    public static PortalLanguage ServeLanguage(HttpContext http, Portal portal)
    {
        var language = Language(http.Request, portal);
        http.Response.Headers.ContentLanguage = language.Language.Code;
        http.Response.Headers[Microsoft.Net.Http.Headers.HeaderNames.Vary] = "Accept, Accept-Language, OData-MaxVersion, X-Api-Key";
        return language;
    }

    /// <summary>The portal language asked for (lang, else the best of Accept-Language, else the portal's first), with its fallbacks.</summary>
    public static PortalLanguage Language(HttpRequest request, Portal portal)
    {
        var asked = request.Query["lang"].ToString();
        if (asked.Length > 0)
        {
            return LanguageTag.TryParse(asked, out var tag) && portal.Languages.FirstOrDefault(l => l.Language == tag) is { } served
                ? served
                : throw new ODataQueryException(400, "UnsupportedLanguage", $"This portal serves {string.Join(", ", portal.Languages.Select(l => l.Language.Code))}.", "lang");
        }

        var preferences = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1);
        foreach (var preference in preferences)
        {
            if (LanguageTag.TryParse(preference.Value.Value, out var tag) && portal.Languages.FirstOrDefault(l => l.Language == tag) is { } served)
            {
                return served;
            }
        }

        return portal.Languages[0];
    }

    // Prefer: odata.maxpagesize=N asks for smaller (never larger) pages; the answer says it was applied.
    public static int PageSize(HttpContext http)
    {
        foreach (var preference in http.Request.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(',')))
        {
            var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is ["odata.maxpagesize", var value] && int.TryParse(value, out var size) && size > 0)
            {
                var applied = Math.Min(size, ODataQueryEndpoint.MaxPageSize);
                http.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={applied}";
                return applied;
            }
        }

        return ODataQueryEndpoint.DefaultPageSize;
    }

    public static Uri NextLink(HttpRequest request, string skipToken, int? remaining)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.TrimStart('$').Equals("skip", StringComparison.OrdinalIgnoreCase)
                && !q.Key.TrimStart('$').Equals("skiptoken", StringComparison.OrdinalIgnoreCase)
                && !q.Key.TrimStart('$').Equals("top", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("$skiptoken", skipToken));
        if (remaining is { } rest)
        {
            query = query.Append(new("$top", rest.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new Uri(ODataEndpoints.ServiceRoot(request), request.Path.Value!["/odata/".Length..] + Microsoft.AspNetCore.Http.QueryString.Create(query));
    }

    // System query options this service answers; others that OData defines are valid but not implemented here.
    private static readonly HashSet<string> Answered = new(StringComparer.OrdinalIgnoreCase) { "filter", "select", "expand", "orderby", "top", "skip", "count", "search", "skiptoken", "format", "apply", "compute" };
    private static readonly HashSet<string> NotImplemented = new(StringComparer.OrdinalIgnoreCase) { "levels", "index", "schemaversion", "deltatoken", "id" };

    /// <summary>The largest $skip answered: deeper pages are reached with the nextLink's keyset token, which costs nothing per page skipped.</summary>
    public const long MaxSkip = 100_000;

    /// <summary>$skip, bounded.</summary>
    public static int Skip(Microsoft.OData.UriParser.ODataUriParser parser) =>
        parser.ParseSkip() is not { } skip ? 0
            : skip <= MaxSkip ? (int)skip
            : throw ODataQueryException.Limit("$skip", $"$skip is at most {MaxSkip:N0}; follow @nextLink to page further.");

    /// <summary>
    /// The query string the parser reads: the request's, with <c>$filter</c> and <c>$apply</c> (whose
    /// <c>filter()</c> takes the same expressions) put in the form it reads (<see cref="FilterText"/>).
    /// </summary>
    public static string QueryForParser(HttpRequest request)
    {
        var original = request.QueryString.Value ?? string.Empty;
        var rewritten = request.Query.Keys
            .Where(k => k.TrimStart('$').Equals("filter", StringComparison.OrdinalIgnoreCase) || k.TrimStart('$').Equals("apply", StringComparison.OrdinalIgnoreCase))
            .Select(k => (Key: k, Text: request.Query[k].ToString()))
            .Select(o => (o.Key, o.Text, Normalised: FilterText.Normalise(o.Text, name => request.Query.TryGetValue(name, out var value) ? value.ToString() : null)))
            .Where(o => o.Normalised != o.Text)
            .ToDictionary(o => o.Key, o => o.Normalised, StringComparer.Ordinal);
        return rewritten.Count == 0
            ? original
            : QueryString.Create(request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, rewritten.TryGetValue(q.Key, out var text) ? text : v)))).Value ?? original;
    }

    /// <summary>A system query option's value, named with or without $ in any case (as the parser is set to read them); null when absent.</summary>
    public static string? Option(HttpRequest request, string name) =>
        request.Query.FirstOrDefault(q => q.Key.TrimStart('$').Equals(name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } option
            ? option.Value.ToString()
            : null;

    /// <summary>
    /// What ODataUriParser lets through but OData calls malformed: an unknown system option
    /// (<c>$frobnicate</c>), a system option given twice, an empty item in <c>$select</c>
    /// (<c>$select=Id,</c>); and system options this service does not implement (501).
    /// </summary>
    public static void CheckOptions(HttpRequest request)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Query)
        {
            if (name.StartsWith('$'))
            {
                var option = name[1..];
                if (NotImplemented.Contains(option))
                {
                    throw ODataQueryException.NotImplemented($"The system query option {name}");
                }

                if (!Answered.Contains(option))
                {
                    throw new ODataQueryException(400, "BadRequest", $"{name} is not an OData system query option.", name);
                }
            }

            var system = name.TrimStart('$');
            if (Answered.Contains(system) && values.ToString().Trim().Length == 0)
            {
                throw new ODataQueryException(400, "BadRequest", $"The system query option ${system} is empty.", name);
            }

            if (Answered.Contains(system) && (!seen.Add(system) || values.Count > 1))
            {
                throw new ODataQueryException(400, "BadRequest", $"The system query option ${system} is given more than once.", name);
            }

            if (system.Equals("select", StringComparison.OrdinalIgnoreCase) && values.ToString().Split(',').Any(item => item.Trim().Length == 0))
            {
                throw new ODataQueryException(400, "BadRequest", "$select lists an empty item (a comma too many).", name);
            }

        }
    }
}
