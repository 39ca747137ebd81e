using System.Globalization;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Airline.TestSupport.Servers;

/// <summary>
/// A backing server for the tests of one service, started exactly as the AppHost starts it (this repository's
/// <c>AddMySql</c>/<c>AddRedis</c> as local processes) in an app model of its own, through Aspire's testing builder.
/// Its port (chosen when the model is built) and password are known before it starts, so a service can be configured for a server not yet up; it can be
/// stopped, started again and killed with its data kept; disposing it leaves no process and no folder behind.
/// </summary>
public abstract class BackingServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly TemporaryDirectory _data;
    private readonly DistributedApplication _app;
    private string? _resourceId;

    protected BackingServer(string name, Func<IDistributedApplicationBuilder, IResourceBuilder<IResourceWithConnectionString>> add)
    {
        Name = name;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _data = new TemporaryDirectory(name);
        var builder = EmptyAppModel.Create(_data.Path, $"Parameters:{name}-password={Password}");
        Port = add(builder).WithDataVolume().Resource.Annotations.OfType<EndpointAnnotation>().Single().Port!.Value;
        _app = builder.Build();
    }

    public string Name { get; }

    public static string Host => "127.0.0.1";

    public int Port { get; }

    public string Password { get; }

    /// <summary>The server process's id while it runs (tests kill it as a crash would).</summary>
    public int? ProcessId =>
        _resourceId is not null
        && _app.ResourceNotifications.TryGetCurrentState(_resourceId, out var current)
        && current.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Starts the server (again) and returns once it answers.</summary>
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        if (_resourceId is null)
        {
            await _app.StartAsync(timeout.Token);
        }
        else
        {
            await ExecuteAsync(KnownResourceCommands.StartCommand, timeout.Token);
        }

        _resourceId = (await _app.ResourceNotifications.WaitForResourceHealthyAsync(Name, timeout.Token)).ResourceId;
    }

    /// <summary>A clean shutdown, as the AppHost's stop command does it.</summary>
    public Task StopAsync() => ExecuteAsync(KnownResourceCommands.StopCommand, CancellationToken.None);

    /// <summary>Ends the server abruptly (SIGKILL), as a crash or an OOM kill would, and returns once it is gone.</summary>
    public async Task KillAsync()
    {
        if (ProcessId is { } pid)
        {
            await ProcessSignals.SendAsync("KILL", pid);
            await _app.ResourceNotifications.WaitForResourceAsync(Name,
                state => state.Snapshot.State?.Text == KnownResourceStates.Finished || state.Snapshot.State?.Text == KnownResourceStates.Exited);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        var result = await _app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Name, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} of {Name} failed: {result.Message}");
        }
    }

}
