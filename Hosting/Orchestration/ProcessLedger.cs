using System.Diagnostics;
using System.Globalization;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// A file listing the processes the AppHost started, so that a run after an AppHost that was killed
/// (and could not stop its children) ends what it left behind. A process is identified by its id and
/// start time, so an unrelated process that reused the id is never touched.
/// </summary>
internal sealed class ProcessLedger(string file)
{
    private readonly Lock _gate = new();

    /// <returns>How many leftover processes were killed.</returns>
    public int KillLeftovers()
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        var killed = 0;
        foreach (var line in File.ReadAllLines(file))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && StartTime(id) == parts[1])
            {
                try
                {
                    using var process = Process.GetProcessById(id);
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(5));
                    killed++;
                }
                catch (ArgumentException)
                {
                    // Gone between the check and the kill.
                }
            }
        }

        File.Delete(file);
        return killed;
    }

    public void Record(int processId)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.AppendAllLines(file, [$"{processId} {StartTime(processId)}"]);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            File.Delete(file);
        }
    }

    /// <summary>Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.</summary>
    private static string? StartTime(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
