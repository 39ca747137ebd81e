using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Flights.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a server to detect the version from.</summary>
public sealed class FlightsContextDesignTimeFactory : IDesignTimeDbContextFactory<FlightsContext>
{
    public FlightsContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FlightsContext>()
            .UseMySql($"Server=localhost;Database={FlightsContext.ConnectionName}", new MySqlServerVersion(new Version(8, 0, 36)))
            .Options);
}
