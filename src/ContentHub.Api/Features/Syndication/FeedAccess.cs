using ContentHub.Api.Features.Portals;
using ContentHub.Domain.Portals;
using Microsoft.AspNetCore.Authentication;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// Who may read a portal's feeds and sitemaps: anyone for a public portal; otherwise the portal's own
/// API key in X-Api-Key, or — since feed readers cannot send headers — its feed token as <c>?token=</c>.
/// </summary>
public static class FeedAccess
{
    public enum Outcome
    {
        Public,
        Private,
        Unknown,
        Refused,
    }

    public static async Task<(Outcome Outcome, Portal? Portal)> CheckAsync(HttpContext http, string slug, PortalDirectory directory)
    {
        var portal = await directory.PortalBySlugAsync(slug, http.RequestAborted);
        if (portal is null)
        {
            return (Outcome.Unknown, null);
        }

        var key = await http.AuthenticateAsync(ApiKeyHandler.SchemeName);
        if (key.Succeeded && key.Principal.FindFirst(ApiKeyHandler.PortalClaim)?.Value == portal.Id.ToString())
        {
            return (Outcome.Private, portal);
        }

        if (http.Request.Query["token"].ToString() is { Length: > 0 } token)
        {
            return (portal.AcceptsFeedToken(token) ? Outcome.Private : Outcome.Refused, portal);
        }

        return key.None && portal.IsPublic ? (Outcome.Public, portal) : (Outcome.Refused, portal);
    }
}
