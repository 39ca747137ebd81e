namespace Airline.Hosting.Kubernetes.Publishing;

/// <summary>
/// The values of the Secret, as <c>key=value</c> lines kustomize's secretGenerator reads. It is created once
/// (generated values, configured ones, empty ones for the operator) and never rewritten:
/// later runs only append keys it lacks, so the passwords of a running system stay what they are.
/// </summary>
internal static class SecretsEnvFile
{
    public const string FileName = "secrets.env";

    private const string Header =
        "# Values of the Secret 'secrets' (kustomize secretGenerator). Never commit this file; back it up with the cluster's data.\n";

    /// <summary>Adds the missing keys; answers those that are still empty, for the operator to fill in.</summary>
    public static IReadOnlyList<string> Ensure(string path, IReadOnlyCollection<SecretKey> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var existing = File.Exists(path) ? Read(path) : [];
        var missing = keys.Where(key => !existing.ContainsKey(key.Name)).ToList();
        if (missing.Count > 0)
        {
            var lines = string.Concat(missing.Select(key => $"{key.Name}={key.InitialValue()}\n"));
            if (existing.Count == 0 && !File.Exists(path))
            {
                File.WriteAllText(path, Header + lines);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            else
            {
                File.AppendAllText(path, (File.ReadAllText(path).EndsWith('\n') ? "" : "\n") + lines);
            }
        }

        var values = Read(path);
        return keys.Where(key => values[key.Name].Length == 0).Select(key => key.Name).ToList();
    }

    private static Dictionary<string, string> Read(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal);
}
