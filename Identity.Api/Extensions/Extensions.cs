using Identity.Api.Apis;
using Identity.Api.Data;
using Identity.Api.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceDefaults.MySql;

namespace Identity.Api.Extensions;

public static class Extensions
{
    /// <summary>The rate limit of registration, sign-in and token requests.</summary>
    public const string CredentialsLimit = "credentials";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(IdentitySettings.SectionName).Get<IdentitySettings>() ?? new IdentitySettings();
        services.Configure<IdentitySettings>(builder.Configuration.GetSection(IdentitySettings.SectionName));

        builder.AddMySqlDatabase<IdentityContext, IdentitySeeder>(IdentityContext.ConnectionName, options => options.UseOpenIddict());

        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<IdentityContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPage.Path;
            options.Cookie.Name = "airline.identity";
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        builder.AddTokenServer(settings);


        // Against credential stuffing, per client address; the lockout protects each account on top of it.
        builder.AddDefaultRateLimiting(new Dictionary<string, RateLimit>
        {
            [CredentialsLimit] = new(PermitLimit: 100, Window: TimeSpan.FromMinutes(1)),
        });

        builder.AddDefaultCors();
        services.AddAntiforgery();
        services.AddOpenApi();
    }
}
