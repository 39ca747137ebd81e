using System.Diagnostics;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// Runs a Redis call as a traced client span. A Redis that does not answer surfaces as
/// <see cref="DependencyUnavailableException"/>.
/// </summary>
public sealed class RedisCommands(IConnectionMultiplexer redis)
{
    /// <summary>Named after the application, the source ServiceDefaults traces.</summary>
    private static readonly ActivitySource ActivitySource = new("Reservations.Api");

    public Task<RedisResult> EvaluateAsync(string name, string script, RedisKey[] keys, RedisValue[] arguments) =>
        RunAsync(name, "EVALSHA", database => database.ScriptEvaluateAsync(script, keys, arguments));

    public async Task<T> RunAsync<T>(string name, string command, Func<IDatabase, Task<T>> call)
    {
        using var activity = ActivitySource.StartActivity($"redis {name}", ActivityKind.Client);
        activity?.SetTag("db.system", "redis");
        activity?.SetTag("db.operation.name", command);

        try
        {
            return await call(redis.GetDatabase());
        }
        catch (Exception exception) when (RedisFailures.IsUnavailable(exception))
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw new DependencyUnavailableException(RedisClientExtensions.DependencyName, exception);
        }
    }
}
