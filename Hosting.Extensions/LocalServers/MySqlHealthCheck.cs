using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airline.Hosting.LocalServers;

/// <summary>Healthy once the server takes connections (for a database: once the database exists).</summary>
internal sealed class MySqlHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
        return connectionString is not null && await MySqlAdministration.PingAsync(connectionString, cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"'{resource.Name}' does not take connections yet.");
    }
}
