using Xunit;

namespace Airline.TestSupport.Servers;

/// <summary>A private backing server for one test class or collection.</summary>
public abstract class BackingServerFixture<TServer>(TServer server) : IAsyncLifetime where TServer : BackingServer
{
    public TServer Server { get; } = server;

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

public sealed class MySqlServerFixture() : BackingServerFixture<MySqlServer>(new MySqlServer());

public sealed class RedisServerFixture() : BackingServerFixture<RedisServer>(new RedisServer());
