using System.Security.Cryptography;
using ContentHub.Data.Identity;
using ContentHub.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.People;

/// <summary>Creates the roles, and the first administrator when there is nobody yet.</summary>
public sealed class AccountsBootstrap(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task EnsureRolesAndAdministratorAsync()
    {
        foreach (var role in Enum.GetNames<Role>())
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(clock.GetUtcNow()) }).ConfigureAwait(false), role);
            }
        }

        if (users.Users.Any())
        {
            return;
        }

        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        await CreateAsync(options.Value.AdminUserName, "Administrator", password, [Role.Admin], orgUnitId: null, languages: []).ConfigureAwait(false);
        if (string.IsNullOrEmpty(configured))
        {
            // Printed once, to the console only: never through the logger, whose output may be shipped elsewhere.
            await Console.Out.WriteLineAsync(
                $"{Environment.NewLine}ContentHub created the administrator '{options.Value.AdminUserName}' with the password: {password}{Environment.NewLine}" +
                $"It is shown only this once. Sign in and change it (POST /api/v1/me/password).{Environment.NewLine}").ConfigureAwait(false);
        }
    }

    public async Task<AppUser> CreateAsync(string userName, string displayName, string password, IReadOnlyCollection<Role> userRoles, Guid? orgUnitId, IReadOnlyList<string> languages)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = userName,
            DisplayName = displayName,
            OrgUnitId = orgUnitId,
            TranslatorLanguages = [.. languages],
            CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, password).ConfigureAwait(false), userName);
        Check(await users.AddToRolesAsync(user, userRoles.Select(r => r.ToString())).ConfigureAwait(false), userName);
        return user;
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) + "-Aa1";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
