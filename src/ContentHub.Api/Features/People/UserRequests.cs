namespace ContentHub.Api.Features.People;

/// <summary>A new person.</summary>
/// <param name="UserName">The name they sign in with (letters, digits, . _ - @).</param>
/// <param name="DisplayName">Their full name.</param>
/// <param name="Password">At least 10 characters with a digit, a lower-case and an upper-case letter.</param>
/// <param name="Roles">Admin, Editor, Reviewer, Lead, Translator.</param>
/// <param name="OrgUnitId">Their organisation unit; required for editors and reviewers.</param>
/// <param name="TranslatorLanguages">For translators: the languages they write (BCP 47).</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="ProofreadLanguages">Of their languages, those whose translations they may also approve (never their own work).</param>
public sealed record CreateUserRequest(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles,
    Guid? OrgUnitId = null, IReadOnlyList<string>? TranslatorLanguages = null, string? Email = null, IReadOnlyList<string>? ProofreadLanguages = null);

/// <summary>A person's details, roles, unit and languages, replaced as a whole.</summary>
/// <param name="DisplayName">Their full name.</param>
/// <param name="Roles">Admin, Editor, Reviewer, Lead, Translator.</param>
/// <param name="OrgUnitId">Their organisation unit; required for editors and reviewers.</param>
/// <param name="TranslatorLanguages">For translators: the languages they write (BCP 47).</param>
/// <param name="Active">False to stop them signing in; their tokens stop working at once.</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="ProofreadLanguages">Of their languages, those whose translations they may also approve (never their own work).</param>
public sealed record UpdateUserRequest(string DisplayName, IReadOnlyList<string> Roles, Guid? OrgUnitId = null,
    IReadOnlyList<string>? TranslatorLanguages = null, bool Active = true, string? Email = null, IReadOnlyList<string>? ProofreadLanguages = null);

/// <summary>A new password set by an administrator.</summary>
/// <param name="NewPassword">At least 10 characters with a digit, a lower-case and an upper-case letter.</param>
public sealed record ResetPasswordRequest(string NewPassword);

/// <summary>A person's change of their own password.</summary>
/// <param name="CurrentPassword">The password they have now.</param>
/// <param name="NewPassword">At least 10 characters with a digit, a lower-case and an upper-case letter.</param>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
