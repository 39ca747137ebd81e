using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Hosting.Extensions.Tests;

/// <summary>What the tests read from a resource's snapshot.</summary>
internal static class ResourceStates
{
    public static int ProcessId(this ResourceEvent resource) =>
        Convert.ToInt32(resource.Snapshot.Properties.Single(property => property.Name == "executable.pid").Value, CultureInfo.InvariantCulture);

    public static string? Restarts(this ResourceEvent resource) =>
        resource.Snapshot.Properties.FirstOrDefault(property => property.Name == "airline.restarts")?.Value?.ToString();

    public static bool IsRunning(this ResourceEvent resource) => resource.Snapshot.State?.Text == KnownResourceStates.Running;

    public static bool HasEnded(this ResourceEvent resource) =>
        resource.Snapshot.State?.Text == KnownResourceStates.Finished || resource.Snapshot.State?.Text == KnownResourceStates.Exited;
}
