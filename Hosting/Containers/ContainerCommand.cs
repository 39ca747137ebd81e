using System.Globalization;

namespace Airline.Hosting.Containers;

/// <summary>The docker/podman command lines of the AppHost (both runtimes take the same ones).</summary>
public static class ContainerCommand
{
    public const string LabelKey = "airline.apphost";

    public static IReadOnlyList<string> Run(ContainerSpec spec)
    {
        var arguments = new List<string> { "run", "--detach", "--name", spec.Name, "--label", $"{LabelKey}={spec.Label}" };
        foreach (var port in spec.Ports)
        {
            arguments.AddRange(["--publish", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port.HostPort}:{port.ContainerPort}")]);
        }

        foreach (var (key, value) in spec.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            arguments.AddRange(["--env", $"{key}={value}"]);
        }

        foreach (var volume in spec.Volumes)
        {
            arguments.AddRange(["--volume", $"{volume.Name}:{volume.Target}"]);
        }

        arguments.Add(spec.Image);
        arguments.AddRange(spec.Arguments);
        return arguments;
    }

    /// <summary>Stops with SIGTERM and a grace period, then removes the container (its named volumes stay).</summary>
    public static IReadOnlyList<string> Remove(string name) => ["rm", "--force", "--time", "5", name];

    public static IReadOnlyList<string> Wait(string name) => ["wait", name];

    public static IReadOnlyList<string> ListByLabel(string label) => ["ps", "--all", "--quiet", "--filter", $"label={LabelKey}={label}"];

    public static IReadOnlyList<string> Info() => ["info", "--format", "{{.ServerVersion}}"];
}
