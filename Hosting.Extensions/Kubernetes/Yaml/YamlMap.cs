namespace Airline.Hosting.Kubernetes.Yaml;

/// <summary>
/// A YAML mapping that keeps its keys in the order they were set, so the output reads like a hand-written
/// manifest and is the same on every run. Setting a key to null leaves it out.
/// </summary>
internal sealed class YamlMap
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public object? this[string key]
    {
        set
        {
            _entries.RemoveAll(entry => entry.Key == key);
            if (value is not null)
            {
                _entries.Add(new(key, value));
            }
        }
    }

    public IReadOnlyList<KeyValuePair<string, object>> Entries => _entries;
}
