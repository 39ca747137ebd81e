using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Api.Data;

/// <summary>Customer accounts (ASP.NET Core Identity) and OpenIddict's clients, scopes, authorizations and tokens.</summary>
public sealed class IdentityContext(DbContextOptions<IdentityContext> options) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>The name of its connection string and database in the app model.</summary>
    public const string ConnectionName = "identitydb";

    private const int SubjectMaxLength = 100;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        // OpenIddict indexes (application, status, subject, type); with its 400-character subject that key is longer
        // than the 3072 bytes InnoDB allows in utf8mb4. A subject is a user id or a client id.
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().Property(token => token.Subject).HasMaxLength(SubjectMaxLength);
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().Property(authorization => authorization.Subject).HasMaxLength(SubjectMaxLength);
    }
}
