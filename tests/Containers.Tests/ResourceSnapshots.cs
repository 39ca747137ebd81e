using Aspire.Hosting.ApplicationModel;

namespace Containers.Tests;

/// <summary>What the tests read from a container resource's snapshot.</summary>
internal static class ResourceSnapshots
{
    public static string ContainerId(this ResourceEvent resource) => Property(resource, "container.id")!;

    public static string? Image(this ResourceEvent resource) => Property(resource, "container.image");

    public static string? Restarts(this ResourceEvent resource) => Property(resource, "airline.restarts");

    public static bool IsRunning(this ResourceEvent resource) => resource.Snapshot.State?.Text == KnownResourceStates.Running;

    private static string? Property(ResourceEvent resource, string name) =>
        resource.Snapshot.Properties.FirstOrDefault(property => property.Name == name)?.Value?.ToString();
}
