using YamlDotNet.RepresentationModel;

namespace Publishing.Tests.Support;

internal sealed record Manifest(string File, string Kind, string Name, YamlMappingNode Root);

/// <summary>A published folder, parsed: the objects, the kustomization and the keys of the generated Secret.</summary>
internal sealed class Manifests
{
    private Manifests(string directory, IReadOnlyList<Manifest> objects, YamlMappingNode kustomization)
    {
        Directory = directory;
        Objects = objects;
        Kustomization = kustomization;
    }

    public string Directory { get; }

    public IReadOnlyList<Manifest> Objects { get; }

    public YamlMappingNode Kustomization { get; }

    public static Manifests Load(string directory)
    {
        var objects = System.IO.Directory.EnumerateFiles(directory, "*.yaml")
            .Where(file => Path.GetFileName(file) != "kustomization.yaml")
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var root = Parse(file);
                return new Manifest(Path.GetFileName(file), root.Text("kind"), root.Text("metadata", "name"), root);
            })
            .ToList();
        return new Manifests(directory, objects, Parse(Path.Combine(directory, "kustomization.yaml")));
    }

    public IEnumerable<Manifest> OfKind(string kind) => Objects.Where(item => item.Kind == kind);

    public Manifest Single(string kind, string name) =>
        Objects.SingleOrDefault(item => item.Kind == kind && item.Name == name)
        ?? throw new KeyNotFoundException($"No {kind} {name} among {string.Join(", ", Objects.Select(o => $"{o.Kind}/{o.Name}"))}.");

    /// <summary>The keys of each Secret the kustomization generates, read from its env files and literals.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> GeneratedSecretKeys() =>
        Kustomization.Items("secretGenerator").ToDictionary(
            generator => generator.Text("name"),
            generator => (IReadOnlySet<string>)generator.Items("envs")
                .SelectMany(envFile => File.ReadAllLines(Path.Combine(Directory, ((YamlScalarNode)envFile).Value!)))
                .Concat(generator.Items("literals").Select(literal => ((YamlScalarNode)literal).Value!))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('=', 2)[0])
                .ToHashSet(StringComparer.Ordinal));

    /// <summary>The pod template of a Deployment or StatefulSet.</summary>
    public static YamlNode PodSpec(Manifest workload) => workload.Root.Get("spec", "template", "spec");

    public IEnumerable<Manifest> Workloads() => Objects.Where(item => item.Kind is "Deployment" or "StatefulSet");

    private static YamlMappingNode Parse(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }
}
