namespace ContentHub.Data.Security;

/// <summary>
/// A key of ASP.NET Core Data Protection, which signs and encrypts access tokens. Keeping the key
/// ring in the database lets every instance of the service read every other's tokens, across restarts.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
