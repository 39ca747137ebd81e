using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// How MySQL and Redis run, chosen once when the model is built: <c>BackingServers:Runtime</c> is <c>container</c>,
/// <c>local</c> (processes of this machine), or <c>auto</c> (the default: containers where a container runtime answers).
/// </summary>
internal static class BackingServerRuntime
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] KnownRuntimes = ["docker", "podman"];

    public static bool UsesContainers(IConfiguration configuration) => configuration["BackingServers:Runtime"] switch
    {
        null or "" or "auto" => ContainerRuntimeAnswers(configuration["ASPIRE_CONTAINER_RUNTIME"]),
        "container" => true,
        "local" => false,
        var other => throw new InvalidOperationException(
            $"BackingServers:Runtime is '{other}': it is 'auto', 'container' or 'local'."),
    };

    /// <summary>Whether <c>docker info</c> (or podman's, as Aspire would pick it) succeeds: a client alone is not a runtime.</summary>
    private static bool ContainerRuntimeAnswers(string? configured) =>
        (configured is { Length: > 0 } ? [configured] : KnownRuntimes)
            .Any(runtime => Executable.TryFind(runtime) is { } path && Succeeds(path, "info"));

    private static bool Succeeds(string path, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, argument) { RedirectStandardOutput = true, RedirectStandardError = true });
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
