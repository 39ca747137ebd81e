using System.Net;
using System.Net.Sockets;

namespace Gateway.Tests.Rebooking;

/// <summary>
/// A TCP relay in front of Redis whose replies can be held back while commands still reach Redis: a client then sees
/// its commands time out although Redis carried them out, as when answers are lost on a slow or broken network.
/// </summary>
public sealed class RedisRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IPEndPoint _redis;
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private TaskCompletionSource _released = Released();

    public RedisRelay(string host, int port)
    {
        _redis = new IPEndPoint(IPAddress.Parse(host), port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void HoldReplies() => _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseReplies() => _released.TrySetResult();

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            lock (_connections)
            {
                _connections.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(_redis, _stopping.Token);
            await Task.WhenAny(
                CopyAsync(client.GetStream(), server.GetStream(), holdable: false),
                CopyAsync(server.GetStream(), client.GetStream(), holdable: true));
        }
    }

    private async Task CopyAsync(Stream from, Stream to, bool holdable)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
        {
            if (holdable)
            {
                await _released.Task.WaitAsync(_stopping.Token);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections, _accepting];
        }

        await Task.WhenAll(connections).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }
}
