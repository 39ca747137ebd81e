using Airline.Hosting.Kubernetes.Yaml;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Kubernetes.Publishing;

/// <summary>What the manifests of one publish share: the options, the keys of the Secret, notes for the operator.</summary>
internal sealed class PublishContext(KubernetesPublisherOptions options, IConfiguration configuration)
{
    /// <summary>The Secret holding every parameter's value; kustomize adds a content hash to its name.</summary>
    public const string SecretName = "secrets";

    public const string NameLabel = "app.kubernetes.io/name";

    public const string PartOfLabel = "app.kubernetes.io/part-of";

    private readonly SortedDictionary<string, SecretKey> _secretKeys = new(StringComparer.Ordinal);

    public KubernetesPublisherOptions Options { get; } = options;

    public IReadOnlyCollection<SecretKey> SecretKeys => _secretKeys.Values;

    public List<string> Notes { get; } = [];

    public YamlMap Labels(string name) => new() { [NameLabel] = name, [PartOfLabel] = Options.Namespace };

    public YamlMap NamespaceLabels() => new() { [PartOfLabel] = Options.Namespace };

    public static YamlMap Selector(string name) => new() { ["matchLabels"] = new YamlMap { [NameLabel] = name } };

    /// <summary>
    /// The key of the Secret that holds a parameter's value. A parameter with a default is generated afresh for the
    /// cluster (the values run mode keeps in the user secrets stay on this machine); one without takes
    /// <c>Parameters:{name}</c> of the configuration, else is left empty for the operator.
    /// </summary>
    public SecretKey Secret(ParameterResource parameter)
    {
        if (_secretKeys.TryGetValue(parameter.Name, out var known))
        {
            return known;
        }

        Func<string> initialValue = parameter.Default switch
        {
            GenerateParameterDefault => SecretKey.NewPassword,
            { } generated => generated.GetDefaultValue,
            null => () => configuration[$"Parameters:{parameter.Name}"] ?? "",
        };
        return _secretKeys[parameter.Name] = new SecretKey(parameter.Name, initialValue);
    }
}
