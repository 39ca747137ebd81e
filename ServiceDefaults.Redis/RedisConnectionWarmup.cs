using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ServiceDefaults.Redis;

/// <summary>
/// Opens the Redis connection while the service starts, before it takes requests. Opened by the first requests
/// instead, it blocks a thread-pool thread per waiting request (the connection is made synchronously, once) while
/// the connection's own I/O needs the same pool: on two busy cores the connect can then time out and the first
/// requests answer 503.
/// </summary>
internal sealed class RedisConnectionWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
