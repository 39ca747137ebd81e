using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ServiceDefaults.Redis;

/// <summary>
/// The one way to call Redis: each call is a traced client span, and a Redis that does not answer surfaces as
/// <see cref="DependencyUnavailableException"/> (a 503). The outage itself is logged once, by <see cref="DependencyOutages"/>.
/// </summary>
public sealed class RedisCommands(IConnectionMultiplexer redis)
{
    public const string ActivitySourceName = "ServiceDefaults.Redis";

    private static readonly ActivitySource ActivitySource = new(ActivitySourceName);

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
