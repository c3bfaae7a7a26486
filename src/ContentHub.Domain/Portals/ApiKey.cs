using System.Security.Cryptography;
using System.Text;

namespace ContentHub.Domain.Portals;

/// <summary>
/// A portal's credential. The secret is shown once, when the key is issued; only its SHA-256 hash is
/// kept (the secret is 256 random bits, so a fast hash is enough). The prefix finds the key without
/// scanning, and names it in lists and logs.
/// </summary>
public sealed class ApiKey
{
    public const string Scheme = "chk";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid PortalId { get; private set; }

    /// <summary>The public part of the key (<c>chk_&lt;prefix&gt;_…</c>), safe to show.</summary>
    public string Prefix { get; private set; } = string.Empty;

    public byte[] SecretHash { get; private set; } = [];

    public string? Label { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Makes a new key; returns it with the full key text, which exists nowhere else.</summary>
    public static (ApiKey Key, string Secret) Issue(Guid id, Guid portalId, string? label, string actor, DateTimeOffset now)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = id,
            PortalId = portalId,
            Prefix = prefix,
            SecretHash = Hash(secret),
            Label = label,
            CreatedBy = actor,
            CreatedAt = now,
        };
        return (key, $"{Scheme}_{prefix}_{secret}");
    }

    /// <summary>Splits a presented key into its prefix and secret; false for anything else.</summary>
    public static bool TryParse(string? presented, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        // The secret is base64url and may itself hold underscores; the scheme and the hex prefix never do.
        var parts = presented?.Trim().Split('_', 3);
        if (parts is not [Scheme, { Length: 12 } p, { Length: 43 } s])
        {
            return false;
        }

        (prefix, secret) = (p, s);
        return true;
    }

    /// <summary>Compares in constant time, so response times reveal nothing about the secret.</summary>
    public bool Matches(string secret) => CryptographicOperations.FixedTimeEquals(SecretHash, Hash(secret));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
