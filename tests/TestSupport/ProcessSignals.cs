using System.Diagnostics;
using System.Globalization;

namespace Airline.TestSupport;

/// <summary>Freezes (STOP), resumes (CONT) or kills a process the test started, with the system's <c>kill</c>.</summary>
public static class ProcessSignals
{
    public static async Task SendAsync(string signal, int processId)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {processId} exited with code {kill.ExitCode}.");
        }
    }
}
