using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Data.Identity;
using ContentHub.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.People;

/// <summary>Accounts, sign-in, tokens and authorization.</summary>
public static class AuthSetup
{
    public static WebApplicationBuilder AddContentHubAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        services.AddIdentityCore<AppUser>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = auth.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
            })
            .AddUserValidator<BoundedAccountText>()
            .AddPasswordValidator<BoundedAccountText>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ContentHubDbContext>();

        // Tokens are protected with Data Protection keys kept in the database: every instance shares them, restarts keep them.
        services.AddDataProtection().SetApplicationName("ContentHub");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(keys => keys.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));

        var authentication = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token", scheme => scheme.ForwardDefaultSelector = context =>
                auth.External.Enabled && LooksLikeJwt(context.Request) ? AuthSchemes.External : AuthSchemes.Local)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenHandler>(AuthSchemes.Local, scheme => scheme.ForwardChallenge = AuthSchemes.Token)
            .AddScheme<AuthenticationSchemeOptions, Portals.ApiKeyHandler>(Portals.ApiKeyHandler.SchemeName, _ => { })
            .AddBearerToken(AuthSchemes.Token, tokens =>
            {
                tokens.BearerTokenExpiration = auth.AccessTokenLifetime;
                tokens.RefreshTokenExpiration = auth.RefreshTokenLifetime;
            });
        if (auth.External.Enabled)
        {
            authentication.AddJwtBearer(AuthSchemes.External, jwt =>
            {
                jwt.Authority = auth.External.Authority;
                jwt.Audience = auth.External.Audience;
                jwt.RequireHttpsMetadata = auth.External.RequireHttpsMetadata;
                jwt.MapInboundClaims = false;
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var principal = await context.HttpContext.RequestServices.GetRequiredService<StaffPrincipals>().FromExternalTokenAsync(context.Principal!).ConfigureAwait(false);
                        if (principal is null)
                        {
                            context.Fail("The token names nobody.");
                        }
                        else
                        {
                            context.Principal = principal;
                        }
                    },
                };
            });
        }

        services.AddScoped<StaffPrincipals>();
        services.AddScoped<SignInCounter>();
        services.AddAuthorization(Policies.Configure);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccountsBootstrap>();
        services.AddScoped<UserService>();
        return builder;
    }

    // Our own tokens are opaque; a JWT has three base64url parts separated by dots.
    private static bool LooksLikeJwt(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header
        && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && header[7..].Trim().Count(c => c == '.') == 2;
}
