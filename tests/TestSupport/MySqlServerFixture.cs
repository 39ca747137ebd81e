using Airline.Hosting.Local;
using Xunit;

namespace Airline.TestSupport;

/// <summary>A private MariaDB for one test class or collection: own data folder, own port.</summary>
public sealed class MySqlServerFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("mysql");

    public MySqlServerFixture() => Server = new LocalMySqlServer(_directory.Path);

    public LocalMySqlServer Server { get; }

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
