using Airline.Hosting.Containers;

namespace Airline.Hosting.Orchestration;

/// <summary>Runs a <c>AddContainer</c> resource; it counts as healthy once the runtime has started it.</summary>
internal sealed class ContainerRunner(ApplicationModel.ContainerResource resource, IContainerRuntime runtime, ContainerSpec spec) : ResourceRunner
{
    private Task<int>? _exited;

    public override ApplicationModel.IResource Resource => resource;

    public override string Kind => "Container";

    public override Task<int>? Exited => _exited;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.RunAsync(spec, cancellationToken);
        _exited = runtime.WaitAsync(spec.Name);
    }

    public override Task StopAsync() => runtime.RemoveAsync(spec.Name);

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        spec.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
}
