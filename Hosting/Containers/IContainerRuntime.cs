namespace Airline.Hosting.Containers;

/// <summary>A container runtime that answers: docker or podman.</summary>
public interface IContainerRuntime
{
    string Name { get; }

    Task RunAsync(ContainerSpec spec, CancellationToken cancellationToken);

    Task RemoveAsync(string containerName);

    /// <summary>Completes with the container's exit code once it stops.</summary>
    Task<int> WaitAsync(string containerName);

    /// <summary>Removes containers an earlier, killed run of the same AppHost left behind.</summary>
    Task<int> RemoveLeftoversAsync(string label, CancellationToken cancellationToken);
}
