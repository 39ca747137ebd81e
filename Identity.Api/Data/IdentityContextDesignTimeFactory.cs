using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Identity.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a server to detect the version from.</summary>
public sealed class IdentityContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityContext>
{
    public IdentityContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityContext>()
            .UseMySql($"Server=localhost;Database={IdentityContext.ConnectionName}", new MySqlServerVersion(new Version(8, 0, 36)))
            .Options);
}
