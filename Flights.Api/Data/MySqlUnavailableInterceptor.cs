using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MySqlConnector;

namespace Flights.Api.Data;

/// <summary>
/// Reports MySQL not answering as <see cref="DependencyUnavailableException"/>, which leaves the service as 503
/// with Retry-After instead of 500: a connection refused or timed out, and a query cut off after its connection
/// opened (server shut down or restarted, connection or query killed, connection lost mid-read).
/// A query MySQL rejects for what it says stays an error of ours.
/// </summary>
public sealed class MySqlUnavailableInterceptor : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private const string Dependency = "MySQL";

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        if (eventData.Exception is MySqlException exception)
        {
            throw new DependencyUnavailableException(Dependency, exception);
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
            throw new DependencyUnavailableException(Dependency, exception);
        }
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    private static bool MeansUnavailable(MySqlException exception) =>
        exception.IsTransient
        || exception.ErrorCode is MySqlErrorCode.QueryInterrupted
            or MySqlErrorCode.ServerShutdown or MySqlErrorCode.CommandTimeoutExpired or MySqlErrorCode.UnableToConnectToHost
        || exception.InnerException is IOException or SocketException or EndOfStreamException;
}
