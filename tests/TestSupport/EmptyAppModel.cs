using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Airline.TestSupport;

/// <summary>An app model with nothing in it yet, from Aspire's testing builder, for tests that add their own resources.</summary>
public static class EmptyAppModel
{
    /// <summary>
    /// MySQL and Redis run as local processes with their kept data under <paramref name="dataDirectory"/>, and nothing
    /// restarts unless a test says so. The testing builder finds Aspire's orchestrator through this assembly's metadata.
    /// </summary>
    public static IDistributedApplicationTestingBuilder Create(string dataDirectory, params string[] settings) =>
        DistributedApplicationTestingBuilder.Create([.. Settings(dataDirectory), .. settings]);

    /// <summary>What every test's app model is told: MySQL and Redis as local processes, no restarts unless asked.</summary>
    internal static string[] Settings(string dataDirectory) =>
    [
        "BackingServers:Runtime=local",
        $"BackingServers:DataDirectory={dataDirectory}",
        "Restarts:Default=Never",
    ];
}
