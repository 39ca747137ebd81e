using Airline.Hosting.Containers;

namespace Airline.Hosting.Orchestration;

/// <summary>Runs a <c>AddContainer</c> resource; it counts as healthy once the runtime has started it.</summary>
internal sealed class ContainerRunner(ApplicationModel.ContainerResource resource, IContainerRuntime runtime, ContainerSpec spec) : ResourceRunner
{
    public override ApplicationModel.IResource Resource => resource;

    public override string Kind => "Container";

    public override Task StartAsync(CancellationToken cancellationToken) => runtime.RunAsync(spec, cancellationToken);

    public override Task StopAsync() => runtime.RemoveAsync(spec.Name);

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        spec.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
}
