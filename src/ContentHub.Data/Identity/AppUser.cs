using Microsoft.AspNetCore.Identity;

namespace ContentHub.Data.Identity;

/// <summary>A person who signs in to ContentHub: an editor, reviewer, lead, translator or administrator.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>A user name is recorded as the actor of every change, in columns of 200 characters.</summary>
    public const int MaxUserNameLength = 200;

    /// <summary>Long enough for any passphrase; bounded so nobody hashes megabytes per request.</summary>
    public const int MaxPasswordLength = 1024;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation unit the person works for; editors and reviewers act on its content only.</summary>
    public Guid? OrgUnitId { get; set; }

    /// <summary>For translators: the BCP 47 tags of the languages they may write.</summary>
    public List<string> TranslatorLanguages { get; set; } = [];

    /// <summary>Of those, the languages whose translations this translator may also approve (a "proofreader"), never their own.</summary>
    public List<string> ProofreadLanguages { get; set; } = [];

    /// <summary>False for a person who may no longer sign in; their tokens stop working at once.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
