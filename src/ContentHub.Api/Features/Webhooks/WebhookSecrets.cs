using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContentHub.Api.Features.Webhooks;

/// <summary>
/// Signing secrets in the Standard Webhooks form (<c>whsec_</c> + base64 of 32 random bytes), kept
/// encrypted with the service's data-protection keys (already shared by every instance through the
/// database): the service must sign with them, so they cannot be only hashed.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ContentHub.Webhooks.Secret");

    public (string Secret, string Protected) Create()
    {
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return (secret, _protector.Protect(secret));
    }

    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
