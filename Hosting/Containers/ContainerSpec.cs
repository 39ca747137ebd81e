namespace Airline.Hosting.Containers;

/// <summary>Everything needed to run one container; rendered to a command line by <see cref="ContainerCommand"/>.</summary>
/// <param name="Label">Marks the containers of one AppHost, so leftovers of a killed run can be found.</param>
public sealed record ContainerSpec(
    string Name,
    string Image,
    string Label,
    IReadOnlyList<PublishedPort> Ports,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<MountedVolume> Volumes,
    IReadOnlyList<string> Arguments);

/// <summary>Container port <paramref name="ContainerPort"/> published on loopback port <paramref name="HostPort"/>.</summary>
public sealed record PublishedPort(int HostPort, int ContainerPort);

public sealed record MountedVolume(string Name, string Target);
