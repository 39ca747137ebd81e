using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Local;

namespace Airline.Hosting.Orchestration;

internal sealed class RedisRunner(RedisResource resource, LocalRedisServer server, ProcessLedger ledger)
    : ResourceRunner, IConnectionStringSource
{
    public override IResource Resource => resource;

    public override string Kind => "Redis";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken);
        ledger.Record(server.ProcessId!.Value);
    }

    public override Task StopAsync() => server.StopAsync();

    public string GetConnectionString(IResource target) => server.ConnectionString;
}
