using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContentHub.Domain.Portals;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// Where a portal's sync stands, given back to it as an opaque string. During the first listing it
/// holds the horizon taken at its start (<see cref="Start"/>) and the last entry listed; afterwards,
/// the last change read (<see cref="Transaction"/>, <see cref="Change"/>). It also holds a hash of what
/// the portal carries and asked for, so that a cursor outlives neither a change of the portal's
/// settings nor a change of filters.
/// </summary>
public sealed record SyncCursor(string Scope, bool Listing, long Start, int AfterLanguage, Guid AfterItem, long Transaction, long Change)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static SyncCursor? Decode(string text)
    {
        if (text.Length is 0 or > 1000)
        {
            return null;
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
            return JsonSerializer.Deserialize<SyncCursor>(bytes);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What a cursor is valid for: the portal's settings and the languages and kinds asked for.</summary>
    public static string ScopeOf(Portal portal, IEnumerable<string> languages, IEnumerable<string> kinds)
    {
        var text = string.Join('|', portal.Id, string.Join(',', portal.Languages.Select(l => l.Language.Code).Order(StringComparer.Ordinal)),
            string.Join(',', portal.CategoryIds.Order()), string.Join(',', portal.Kinds.Order(StringComparer.Ordinal)), portal.AcceptsUnreviewedMachineTranslation,
            string.Join(',', languages), string.Join(',', kinds));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
