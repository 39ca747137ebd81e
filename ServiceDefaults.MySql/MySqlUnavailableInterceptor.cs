using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using MySqlConnector;

namespace ServiceDefaults.MySql;

/// <summary>
/// Reports MySQL not answering as <see cref="DependencyUnavailableException"/>, which leaves the service as 503
/// with Retry-After instead of 500: a connection refused or timed out, and a query cut off after its connection
/// opened (server shut down or restarted, connection or query killed, connection lost mid-read).
/// A query MySQL rejects for what it says stays an error of ours. Both start an outage in
/// <see cref="DependencyOutages"/>; an opened connection ends it.
/// </summary>
internal sealed class MySqlUnavailableInterceptor(DependencyOutages outages) : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private const string Dependency = "MySQL";

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => outages.ReportUp(Dependency);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        if (eventData.Exception is MySqlException exception)
        {
            throw Unavailable(exception);
        }
    }

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionFailed(connection, eventData);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (eventData.Exception is MySqlException exception && MeansUnavailable(exception))
        {
            throw Unavailable(exception);
        }
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    private DependencyUnavailableException Unavailable(MySqlException exception)
    {
        outages.ReportDown(Dependency, exception);
        return new DependencyUnavailableException(Dependency, exception);
    }

    private static bool MeansUnavailable(MySqlException exception) =>
        exception.IsTransient
        || exception.ErrorCode is MySqlErrorCode.QueryInterrupted
            or MySqlErrorCode.ServerShutdown or MySqlErrorCode.CommandTimeoutExpired or MySqlErrorCode.UnableToConnectToHost
        || exception.InnerException is IOException or SocketException or EndOfStreamException;
}
