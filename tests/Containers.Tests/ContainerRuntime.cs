using System.Diagnostics;

namespace Containers.Tests;

/// <summary>The container runtime's command line, as the tests ask it what runs: podman here, docker where that answers.</summary>
internal static class ContainerRuntime
{
    private static readonly Lazy<string?> Answering = new(() => new[] { "podman", "docker" }.FirstOrDefault(runtime => Run(runtime, "info") is not null));

    /// <summary>Why the tests of container mode cannot run here, or null when they can.</summary>
    public static string? Missing => Answering.Value is null
        ? "No container runtime answers (podman info, docker info): scripts/install-prerequisites.sh installs podman as root."
        : null;

    /// <summary>The ids of every container, running or not, whose name holds <paramref name="nameContains"/>.</summary>
    public static IReadOnlyList<string> Containers(string nameContains) =>
        (Run(Answering.Value!, "ps", "--all", "--quiet", "--filter", $"name={nameContains}") ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static void Kill(string containerId) =>
        _ = Run(Answering.Value!, "kill", containerId) ?? throw new InvalidOperationException($"Could not kill container {containerId}.");

    /// <summary>Standard output of a successful run, null if it failed or did not end within 30 s.</summary>
    private static string? Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
