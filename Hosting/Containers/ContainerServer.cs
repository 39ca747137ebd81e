using Airline.Hosting.BackingServices;

namespace Airline.Hosting.Containers;

/// <summary>A MySQL or Redis server run as a container, ready once its probe answers.</summary>
public sealed class ContainerServer(
    IContainerRuntime runtime,
    ContainerSpec spec,
    string password,
    Func<CancellationToken, Task<bool>> probe) : IServerInstance
{
    /// <summary>Long enough for a first run that pulls the image.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    public int Port => spec.Ports[0].HostPort;

    public string Password => password;

    public int? ProcessId => null;

    public Task<int>? Exited { get; private set; }

    public string? RecentOutput => null;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await runtime.RunAsync(spec, cancellationToken);
        Exited = runtime.WaitAsync(spec.Name);
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (!await probe(cancellationToken))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new DistributedApplicationException(
                    $"{spec.Name} ({spec.Image}) did not answer on port {Port} within {ReadyTimeout.TotalMinutes:0} minutes: see '{runtime.Name} logs {spec.Name}'.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    public Task StopAsync() => runtime.RemoveAsync(spec.Name);
}
