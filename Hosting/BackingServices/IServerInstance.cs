namespace Airline.Hosting.BackingServices;

/// <summary>A running MySQL or Redis server on a loopback port: a local process or a container.</summary>
public interface IServerInstance
{
    int Port { get; }

    string Password { get; }

    /// <summary>The local process id, for the AppHost's process ledger; null for a container.</summary>
    int? ProcessId { get; }

    /// <summary>Starts the server; returns once it answers.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    Task StopAsync();

    /// <summary>Completes with the exit code once the running server ends; null while it does not run.</summary>
    Task<int>? Exited { get; }

    /// <summary>The last lines the server wrote, when it runs as a local process.</summary>
    string? RecentOutput { get; }
}
