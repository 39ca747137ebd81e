using Airline.Hosting.ApplicationModel;
using Airline.Hosting.BackingServices;

namespace Airline.Hosting.Orchestration;

/// <summary>Runs a MySQL or Redis server (local process or container) and renders the connection strings to it.</summary>
/// <param name="connectionString">The connection string of the server, or of a database inside it.</param>
/// <param name="afterStart">Work once the server answers, e.g. creating its databases.</param>
/// <param name="probe">Whether the running server answers (health monitoring).</param>
internal sealed class ServerRunner(
    IResource resource,
    string kind,
    IServerInstance server,
    ProcessLedger ledger,
    Func<IResource, string> connectionString,
    Func<CancellationToken, Task>? afterStart = null,
    Func<CancellationToken, Task<bool>>? probe = null) : ResourceRunner, IConnectionStringSource
{
    public override IResource Resource => resource;

    public override string Kind => kind;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken);
        if (server.ProcessId is { } processId)
        {
            ledger.Record(processId);
        }

        if (afterStart is not null)
        {
            await afterStart(cancellationToken);
        }
    }

    public override Task StopAsync() => server.StopAsync();

    public override Task<int>? Exited => server.Exited;

    public override int? ProcessId => server.ProcessId;

    public override string? RecentOutput => server.RecentOutput;

    public override bool HasHealthCheck => probe is not null;

    public override Task<bool> CheckHealthAsync(CancellationToken cancellationToken) =>
        probe?.Invoke(cancellationToken) ?? Task.FromResult(true);

    public string GetConnectionString(IResource target) => connectionString(target);
}
