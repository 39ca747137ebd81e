using System.Runtime.InteropServices;

namespace Airline.Hosting.Local;

internal static partial class PosixSignal
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to shut down cleanly (SIGTERM); <see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL.</summary>
    public static bool Terminate(int processId) => OperatingSystem.IsWindows() is false && Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int signal);
}
