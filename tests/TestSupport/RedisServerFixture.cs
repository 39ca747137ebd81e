using Airline.Hosting.Local;
using Xunit;

namespace Airline.TestSupport;

/// <summary>A private Redis for one test class or collection: own data folder, own port.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("redis");

    public RedisServerFixture() => Server = new LocalRedisServer(_directory.Path);

    public LocalRedisServer Server { get; }

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
