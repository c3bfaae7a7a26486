using ContentHub.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContentHub.Api.Features.People;

/// <summary>
/// Identity checks what a user name and password are made of, not how long they are: these bounds
/// keep a name within the columns it is recorded in and a password within what is worth hashing.
/// Registered with Identity, so creating a person, resetting and changing a password all apply them.
/// </summary>
public sealed class BoundedAccountText : IUserValidator<AppUser>, IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(user.UserName is { Length: > AppUser.MaxUserNameLength }
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidUserName", Description = $"A user name has at most {AppUser.MaxUserNameLength} characters." })
            : user.Email is { Length: > 256 }
                ? IdentityResult.Failed(new IdentityError { Code = "InvalidEmail", Description = "An e-mail address has at most 256 characters." })
                : IdentityResult.Success);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > AppUser.MaxPasswordLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"A password has at most {AppUser.MaxPasswordLength} characters." })
            : IdentityResult.Success);
}
