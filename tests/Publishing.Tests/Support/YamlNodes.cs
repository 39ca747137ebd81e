using YamlDotNet.RepresentationModel;

namespace Publishing.Tests.Support;

/// <summary>Reading parsed YAML by path, failing with the path when something is missing.</summary>
internal static class YamlNodes
{
    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is YamlSequenceNode sequence && int.TryParse(key, out var index) && index < sequence.Children.Count)
            {
                current = sequence.Children[index];
            }
            else if (current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                current = child;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    public static YamlNode Get(this YamlNode node, params string[] path) =>
        node.Find(path) ?? throw new KeyNotFoundException($"No {string.Join('.', path)} in\n{node}");

    public static string Text(this YamlNode node, params string[] path) =>
        ((YamlScalarNode)node.Get(path)).Value ?? "";

    public static string? TextOrNull(this YamlNode node, params string[] path) =>
        (node.Find(path) as YamlScalarNode)?.Value;

    public static int Number(this YamlNode node, params string[] path) =>
        int.Parse(node.Text(path), System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.Find(path) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public static IReadOnlyDictionary<string, string> Strings(this YamlNode node, params string[] path) =>
        node.Find(path) is YamlMappingNode map
            ? map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value ?? "")
            : new Dictionary<string, string>();
}
