using Airline.Hosting.Kubernetes.Publishing;
using Airline.Hosting.Kubernetes.Yaml;

namespace Airline.Hosting.Kubernetes.Manifests;

/// <summary>
/// A container's <c>env</c> list, in order: Kubernetes expands <c>$(NAME)</c> only from variables listed
/// before, so a secret is always added before the value that interpolates it. A name is listed once.
/// </summary>
internal sealed class EnvironmentVariables
{
    private readonly List<YamlMap> _variables = [];
    private readonly List<string> _names = [];

    public bool IsEmpty => _variables.Count == 0;

    public IReadOnlyList<YamlMap> Yaml => _variables;

    public void Add(string name, string value) => Add(name, "value", value);

    public void AddFromSecret(string name, SecretKey key) =>
        Add(name, "valueFrom", new YamlMap
        {
            ["secretKeyRef"] = new YamlMap { ["name"] = PublishContext.SecretName, ["key"] = key.Name },
        });

    public void AddFromPodField(string name, string fieldPath) =>
        Add(name, "valueFrom", new YamlMap { ["fieldRef"] = new YamlMap { ["fieldPath"] = fieldPath } });

    /// <summary>Adds the variables of <paramref name="other"/> that this list lacks, in their order.</summary>
    public void AddAll(EnvironmentVariables other)
    {
        foreach (var (name, variable) in other._names.Zip(other._variables))
        {
            Add(name, variable);
        }
    }

    private void Add(string name, string valueKey, object value) => Add(name, new YamlMap { ["name"] = name, [valueKey] = value });

    private void Add(string name, YamlMap variable)
    {
        if (!_names.Contains(name, StringComparer.Ordinal))
        {
            _names.Add(name);
            _variables.Add(variable);
        }
    }
}
