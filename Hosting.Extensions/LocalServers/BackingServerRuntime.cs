using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// How MySQL and Redis run, chosen once when the model is built: <c>BackingServers:Runtime</c> is <c>container</c>,
/// <c>local</c> (processes of this machine), or <c>auto</c> (the default: containers where a container runtime answers;
/// when publishing, always containers, so that what is published does not depend on the machine it is published on).
/// </summary>
internal static class BackingServerRuntime
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] KnownRuntimes = ["docker", "podman"];

    /// <summary>Probing costs a process start (about a second on a loaded machine): each runtime is asked once.</summary>
    private static readonly ConcurrentDictionary<string, string?> Answering = new();

    public static bool UsesContainers(IConfiguration configuration, DistributedApplicationExecutionContext executionContext) => configuration["BackingServers:Runtime"] switch
    {
        null or "" or "auto" => executionContext.IsPublishMode || AnsweringContainerRuntime(configuration) is not null,
        "container" => true,
        "local" => false,
        var other => throw new InvalidOperationException(
            $"BackingServers:Runtime is '{other}': it is 'auto', 'container' or 'local'."),
    };

    /// <summary>The program of the container runtime whose <c>info</c> succeeds (as Aspire would pick it): a client alone is not a runtime.</summary>
    public static string? AnsweringContainerRuntime(IConfiguration configuration)
    {
        var configured = configuration["ASPIRE_CONTAINER_RUNTIME"];
        return (configured is { Length: > 0 } ? [configured] : KnownRuntimes)
            .Select(runtime => Answering.GetOrAdd(runtime, name => Executable.TryFind(name) is { } path && Succeeds(path, "info") ? path : null))
            .FirstOrDefault(path => path is not null);
    }

    /// <summary>Whether <c>program arguments...</c> exits with 0 within the probe's time.</summary>
    public static bool Succeeds(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
