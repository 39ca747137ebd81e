using System.Globalization;

namespace AppHostStartup;

/// <summary>
/// The processes of this AppHost as <c>/proc</c> shows them. DCP detaches from the process that starts it (its parent
/// becomes init), so they are found from the DCP API server that monitors this process, not as this process's children.
/// </summary>
internal static class ProcessTree
{
    /// <summary>DCP's API server for this process and everything under it, however deep (DCP's controllers, servers, services).</summary>
    public static IReadOnlyList<int> DcpAndDescendants()
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => (Id: int.Parse(name!, CultureInfo.InvariantCulture), Stat: TryRead($"/proc/{name}/stat")))
            .Where(process => process.Stat is not null)
            .ToList();
        var children = processes.ToLookup(process => ParentId(process.Stat!), process => process.Id);

        var found = processes.Select(process => process.Id).Where(MonitorsThisProcess).ToList();
        var pending = new Queue<int>(found);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children[parent])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>A zombie counts as gone: it has ended and only waits for its parent to collect it.</summary>
    public static bool IsAlive(int processId) => TryRead($"/proc/{processId}/stat") is { } stat && Fields(stat)[0] != "Z";

    public static int? ParentOf(int processId) => TryRead($"/proc/{processId}/stat") is { } stat ? ParentId(stat) : null;

    public static string Name(int processId) => TryRead($"/proc/{processId}/comm")?.Trim() ?? "?";

    // Aspire starts it as `dcp start-apiserver --monitor <this process> …`.
    private static bool MonitorsThisProcess(int processId) =>
        TryRead($"/proc/{processId}/cmdline")?.Split('\0') is { } arguments
        && arguments.Contains("start-apiserver")
        && arguments.SkipWhile(argument => argument != "--monitor").Skip(1).FirstOrDefault() == Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    // After the command name in parentheses: state, parent id, …
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    private static int ParentId(string stat) => int.Parse(Fields(stat)[1], CultureInfo.InvariantCulture);

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
