using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Publishing.Yaml;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>What the manifests of one publish share: the options, the keys of the Secret, notes for the operator.</summary>
internal sealed class PublishContext(KubernetesPublisherOptions options, IConfiguration configuration)
{
    /// <summary>The Secret holding every password and external connection string; kustomize adds a content hash to its name.</summary>
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

    /// <summary>The key of the Secret that holds a password parameter's value.</summary>
    public SecretKey Password(ParameterResource parameter)
    {
        var configured = configuration[$"Parameters:{parameter.Name}"] is { Length: > 0 } value ? value : null;
        if (configured is null && !parameter.Secret)
        {
            throw new DistributedApplicationException(
                $"Parameter '{parameter.Name}' has no value: set Parameters:{parameter.Name} in the AppHost's configuration.");
        }

        return Register(new SecretKey(parameter.Name, configured, Generate: configured is null, parameter.Generate));
    }

    /// <summary>The key of the Secret that holds the connection string of a server outside the model.</summary>
    public SecretKey ConnectionString(ConnectionStringResource resource) =>
        Register(new SecretKey(
            $"ConnectionStrings__{resource.Name}",
            configuration[$"ConnectionStrings:{resource.Name}"] is { Length: > 0 } value ? value : null,
            Generate: false,
            Generator: null));

    private SecretKey Register(SecretKey key) => _secretKeys.TryGetValue(key.Name, out var known) ? known : _secretKeys[key.Name] = key;
}

/// <summary>
/// A key of the Secret. Its first value is the configured one, else a generated one (<paramref name="Generate"/>:
/// by <paramref name="Generator"/>, else a random password), else empty for the operator to fill in.
/// </summary>
internal sealed record SecretKey(string Name, string? ConfiguredValue, bool Generate, Func<string>? Generator);
