using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Local;

namespace Airline.Hosting.Orchestration;

internal sealed class MySqlServerRunner(MySqlServerResource resource, LocalMySqlServer server, ProcessLedger ledger)
    : ResourceRunner, IConnectionStringSource
{
    public override IResource Resource => resource;

    public override string Kind => "MySQL";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken);
        ledger.Record(server.ProcessId!.Value);
        foreach (var database in resource.Databases)
        {
            await server.CreateDatabaseAsync(database.DatabaseName, cancellationToken);
        }
    }

    public override Task StopAsync() => server.StopAsync();

    public string GetConnectionString(IResource target) =>
        server.GetConnectionString(target is MySqlDatabaseResource database ? database.DatabaseName : null);
}
