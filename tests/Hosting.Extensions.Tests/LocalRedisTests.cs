using Airline.Hosting.LocalServers;
using Airline.Hosting.Restarts;
using Airline.TestSupport;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Hosting.Extensions.Tests;

/// <summary><c>redis-server</c> as a local process of a real Aspire app model, restarted by the restart policy.</summary>
public sealed class LocalRedisTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    /// <summary>Twenty times the policy's first delay: a restart that was going to happen has happened by then.</summary>
    private static readonly TimeSpan LongerThanARestartTakes = TimeSpan.FromSeconds(2);

    private readonly TemporaryDirectory _data = new("redis-tests");
    private readonly CancellationTokenSource _timeout = new(Bound);

    public void Dispose()
    {
        _timeout.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_killed_Redis_shows_as_exited_and_comes_back_on_its_port_with_its_data_counting_one_restart()
    {
        await using var builder = EmptyAppModel.Create(_data.Path);
        var redis = builder.AddRedis("redis").WithDataVolume().WithRestartPolicy(RestartPolicy.OnFailure());
        await using var app = await builder.BuildAsync();
        await app.StartAsync(_timeout.Token);
        var first = await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", _timeout.Token);
        var connectionString = await redis.Resource.ConnectionStringExpression.GetValueAsync(_timeout.Token);
        await WriteAsync(connectionString!, "acknowledged", "yes");

        var exited = app.ResourceNotifications.WaitForResourceAsync("redis",
            resource => resource.Snapshot.State?.Text == KnownResourceStates.Exited, _timeout.Token);
        await ProcessSignals.SendAsync("KILL", first.ProcessId());
        Assert.NotNull((await exited).Snapshot.ExitCode);

        var second = await app.ResourceNotifications.WaitForResourceAsync("redis",
            resource => resource.IsRunning() && resource.Restarts() == 1, _timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", _timeout.Token);
        Assert.NotEqual(first.ProcessId(), second.ProcessId());
        Assert.Equal(connectionString, await redis.Resource.ConnectionStringExpression.GetValueAsync(_timeout.Token));
        Assert.Equal("yes", await ReadAsync(connectionString!, "acknowledged"));
    }

    [Fact]
    public async Task A_Redis_stopped_by_its_stop_command_stays_stopped_and_one_killed_without_a_policy_stays_down()
    {
        await using var builder = EmptyAppModel.Create(_data.Path);
        builder.AddRedis("stopped").WithRestartPolicy(RestartPolicy.OnFailure());
        builder.AddRedis("unguarded");
        await using var app = await builder.BuildAsync();
        await app.StartAsync(_timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("stopped", _timeout.Token);
        var unguarded = await app.ResourceNotifications.WaitForResourceHealthyAsync("unguarded", _timeout.Token);

        var stop = await app.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync("stopped", KnownResourceCommands.StopCommand, _timeout.Token);
        await ProcessSignals.SendAsync("KILL", unguarded.ProcessId());
        await Task.Delay(LongerThanARestartTakes, _timeout.Token);

        Assert.True(stop.Success, stop.Message);
        Assert.True((await CurrentAsync(app, "stopped")).HasEnded());
        Assert.True((await CurrentAsync(app, "unguarded")).HasEnded());
    }

    [Fact]
    public async Task Data_that_is_not_kept_is_a_folder_of_this_run_apart_from_the_kept_data_and_gone_once_the_application_stops()
    {
        await using var builder = EmptyAppModel.Create(_data.Path);
        var temporary = (LocalServerResource)builder.AddRedis("temporary").Resource;
        var kept = (LocalServerResource)builder.AddRedis("kept").WithDataVolume().Resource;
        await using var app = await builder.BuildAsync();
        await app.StartAsync(_timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("temporary", _timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("kept", _timeout.Token);
        Assert.True(File.Exists(Path.Combine(temporary.Data.Directory, "redis.conf")));
        Assert.Equal(Path.Combine(_data.Path, "kept"), kept.Data.Directory);

        await app.StopAsync(_timeout.Token);

        Assert.False(Directory.Exists(temporary.Data.Directory));
        Assert.True(File.Exists(Path.Combine(kept.Data.Directory, "appendonlydir", "appendonly.aof.manifest")));
    }

    /// <summary>The resource's latest snapshot: watching replays it first.</summary>
    private Task<ResourceEvent> CurrentAsync(DistributedApplication app, string name) =>
        app.ResourceNotifications.WaitForResourceAsync(name, _ => true, _timeout.Token);

    private static async Task WriteAsync(string connectionString, string key, string value)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        await redis.GetDatabase().StringSetAsync(key, value);
    }

    private static async Task<string?> ReadAsync(string connectionString, string key)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        return await redis.GetDatabase().StringGetAsync(key);
    }
}
