using Airline.Hosting.Local;
using Xunit;

namespace Airline.TestSupport;

/// <summary>A private backing server for one test class or collection: own data folder, own port.</summary>
public abstract class LocalServerFixture<TServer> : IAsyncLifetime where TServer : LocalServer
{
    private readonly TemporaryDirectory _directory;

    protected LocalServerFixture(string purpose, Func<string, TServer> create)
    {
        _directory = new TemporaryDirectory(purpose);
        Server = create(_directory.Path);
    }

    public TServer Server { get; }

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

public sealed class MySqlServerFixture() : LocalServerFixture<LocalMySqlServer>("mysql", directory => new LocalMySqlServer(directory));

public sealed class RedisServerFixture() : LocalServerFixture<LocalRedisServer>("redis", directory => new LocalRedisServer(directory));
