using System.Globalization;
using Airline.Hosting.Restarts;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airline.TestSupport;

/// <summary>What the tests read from a resource's (or one replica's) snapshot in Aspire's resource notifications.</summary>
public static class ResourceSnapshots
{
    /// <summary>The process DCP started (for a project, its <c>dotnet run</c>).</summary>
    public static int ProcessId(this ResourceEvent resource) =>
        Convert.ToInt32(resource.Snapshot.Properties.Single(property => property.Name == "executable.pid").Value, CultureInfo.InvariantCulture);

    public static string ContainerId(this ResourceEvent resource) => Property(resource, "container.id")!;

    public static string? Image(this ResourceEvent resource) => Property(resource, "container.image");

    /// <summary>How often the restart policy restarted it (0 before the first restart).</summary>
    public static int Restarts(this ResourceEvent resource) =>
        Property(resource, RestartPolicy.RestartsProperty) is { } restarts ? int.Parse(restarts, CultureInfo.InvariantCulture) : 0;

    public static string? State(this ResourceEvent resource) => resource.Snapshot.State?.Text;

    public static bool IsRunning(this ResourceEvent resource) => resource.State() == KnownResourceStates.Running;

    public static bool IsHealthy(this ResourceEvent resource) => resource.IsRunning() && resource.Snapshot.HealthStatus == HealthStatus.Healthy;

    public static bool HasEnded(this ResourceEvent resource) =>
        resource.State() == KnownResourceStates.Finished || resource.State() == KnownResourceStates.Exited;

    private static string? Property(ResourceEvent resource, string name) =>
        resource.Snapshot.Properties.FirstOrDefault(property => property.Name == name)?.Value?.ToString();
}
