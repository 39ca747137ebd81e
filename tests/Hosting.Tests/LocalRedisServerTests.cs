using System.Net.Sockets;
using System.Text;
using Airline.Hosting.Local;
using Airline.TestSupport;

namespace Hosting.Tests;

public sealed class LocalRedisServerTests
{
    [Fact]
    public async Task Starts_answers_with_password_and_stops()
    {
        using var directory = new TemporaryDirectory("redis");
        await using var redis = new LocalRedisServer(directory.Path);

        await redis.StartAsync();

        Assert.True(await redis.PingAsync());
        Assert.Equal($"127.0.0.1:{redis.Port},password={redis.Password}", redis.ConnectionString);
        Assert.StartsWith("-NOAUTH", await SendAsync(redis.Port, "PING"));

        await redis.StopAsync();

        Assert.False(redis.IsRunning);
        Assert.False(await redis.PingAsync());
    }

    [Fact]
    public async Task An_acknowledged_write_survives_a_kill_and_restart_on_the_same_port()
    {
        using var directory = new TemporaryDirectory("redis");
        await using var redis = new LocalRedisServer(directory.Path);
        await redis.StartAsync();
        Assert.StartsWith("+OK", await SendAsync(redis.Port, $"AUTH {redis.Password}", "HSET flights:1 12C alice"));

        await redis.KillAsync();
        await redis.StartAsync();

        Assert.Contains("alice", await SendAsync(redis.Port, $"AUTH {redis.Password}", "HGET flights:1 12C"));
    }

    internal static async Task<string> SendAsync(int port, params string[] commands)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n", commands) + "\r\n"));
        await Task.Delay(100);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
