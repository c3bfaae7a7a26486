using System.Security.Claims;

namespace ContentHub.Api.Http;

/// <summary>Who is making a request, as recorded in created-by, updated-by and revision authors.</summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    public static string Of(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : Anonymous;
}
