using System.Globalization;

namespace PublicPaths;

/// <summary>
/// One running instance of a project (a replica is one): its own address, where it listens itself rather than behind
/// DCP's proxy, and its own process rather than the <c>dotnet run</c> DCP started it with.
/// </summary>
internal sealed record ServiceInstance(Uri Url, int ProcessId)
{
    public static ServiceInstance From(CustomResourceSnapshot snapshot, string instanceId)
    {
        var urls = snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == "ASPNETCORE_URLS")?.Value
                   ?? throw new InvalidOperationException($"{instanceId} has no ASPNETCORE_URLS.");
        var dotnetRun = snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value
                        ?? throw new InvalidOperationException($"{instanceId} has no process.");
        var url = urls.Split(';').Select(u => new Uri(u.Replace("localhost", "127.0.0.1", StringComparison.Ordinal))).First(u => u.Scheme == "http");
        return new ServiceInstance(url, ChildOf(int.Parse(Convert.ToString(dotnetRun, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture), instanceId));
    }

    private static int ChildOf(int parentId, string instanceId)
    {
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var text = File.ReadAllText(Path.Combine(stat, "stat"));
                if (text[(text.LastIndexOf(')') + 2)..].Split(' ')[1] == parentId.ToString(CultureInfo.InvariantCulture))
                {
                    return int.Parse(Path.GetFileName(stat), CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // Ended meanwhile: not the service, which runs.
            }
        }

        throw new InvalidOperationException($"{instanceId}'s `dotnet run` ({parentId}) has started no process.");
    }
}
