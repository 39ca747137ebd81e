using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MySqlConnector;

namespace Identity.Api.Data;

/// <summary>
/// Reports a connection MySQL refused or did not answer as <see cref="DependencyUnavailableException"/>,
/// which leaves the service as 503 with Retry-After instead of 500.
/// </summary>
public sealed class MySqlUnavailableInterceptor : DbConnectionInterceptor
{
    private const string Dependency = "MySQL";

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        if (eventData.Exception is MySqlException exception)
        {
            throw new DependencyUnavailableException(Dependency, exception);
        }
    }

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionFailed(connection, eventData);
        return Task.CompletedTask;
    }
}
