using Airline.Hosting.Publishing.Yaml;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>
/// A container's <c>env</c> list, in order: Kubernetes expands <c>$(NAME)</c> only from variables listed
/// before, so a secret is always added before the value that interpolates it. A name is listed once.
/// </summary>
internal sealed class EnvironmentVariables
{
    private readonly List<YamlMap> _variables = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

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

    /// <summary>The variable a parameter's value is read into: <c>mysql-password</c> → <c>MYSQL_PASSWORD</c>.</summary>
    public static string NameOf(string parameterName) => parameterName.Replace('-', '_').ToUpperInvariant();

    private void Add(string name, string valueKey, object value)
    {
        if (_names.Add(name))
        {
            _variables.Add(new YamlMap { ["name"] = name, [valueKey] = value });
        }
    }
}
