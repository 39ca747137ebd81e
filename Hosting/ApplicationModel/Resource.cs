using System.Text.RegularExpressions;

namespace Airline.Hosting.ApplicationModel;

public abstract partial class Resource : IResource
{
    protected Resource(string name)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid resource name: use lower-case letters, digits and dashes, starting with a letter.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    /// <summary>What must be healthy (or finished) before this resource starts.</summary>
    public List<ResourceDependency> WaitsFor { get; } = [];

    /// <summary>Resources whose connection string or endpoints this resource is given.</summary>
    public List<IResource> References { get; } = [];

    /// <summary>Environment variables set explicitly with <c>WithEnvironment</c>.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Environment variables whose value is a parameter's (<c>WithEnvironment(name, parameter)</c>); a secret stays out of the manifests.</summary>
    public Dictionary<string, ParameterResource> ParameterEnvironment { get; } = [];

    /// <summary>Set with <c>WithRestartPolicy</c>; null leaves it to run mode's default for the kind of resource.</summary>
    public RestartPolicy? RestartPolicy { get; set; }

    public override string ToString() => Name;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex ValidName();
}

public enum WaitBehavior
{
    /// <summary>Wait until the dependency runs and reports healthy.</summary>
    Healthy,

    /// <summary>Wait until the dependency has run to completion with exit code 0.</summary>
    Completed,
}

public sealed record ResourceDependency(IResource Resource, WaitBehavior Behavior);
