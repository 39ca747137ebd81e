using System.Diagnostics;

namespace Airline.Hosting.Local;

/// <summary>
/// A child process whose output is kept (the last lines, for error reports) and optionally forwarded,
/// and which stops with SIGTERM first and SIGKILL after a grace period.
/// </summary>
public sealed class LocalProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _recentOutput = new();
    private readonly Action<string>? _onOutput;
    private readonly Action<string>? _onErrorOutput;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalProcess(Process process, Action<string>? onOutput, Action<string>? onErrorOutput)
    {
        _process = process;
        _onOutput = onOutput;
        _onErrorOutput = onErrorOutput ?? onOutput;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <param name="onOutput">Each line written to stdout, and to stderr unless <paramref name="onErrorOutput"/> is given.</param>
    public static LocalProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        Action<string>? onOutput = null,
        Action<string>? onErrorOutput = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var localProcess = new LocalProcess(process, onOutput, onErrorOutput);
        process.OutputDataReceived += (_, e) => localProcess.Record(e.Data, localProcess._onOutput);
        process.ErrorDataReceived += (_, e) => localProcess.Record(e.Data, localProcess._onErrorOutput);
        process.Exited += (_, _) => localProcess.OnExited();

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return localProcess;
    }

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string RecentOutput()
    {
        lock (_recentOutput)
        {
            return string.Join(Environment.NewLine, _recentOutput);
        }
    }

    /// <summary>SIGTERM, then SIGKILL if the process is still there after <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        if (HasExited)
        {
            return;
        }

        if (PosixSignal.Terminate(_process.Id))
        {
            var exitedInTime = await Task.WhenAny(Exited, Task.Delay(gracePeriod)) == Exited;
            if (exitedInTime)
            {
                return;
            }
        }

        Kill();
        await Exited;
    }

    /// <summary>SIGKILL, as a crash would end it.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void Record(string? line, Action<string>? forward)
    {
        if (line is null)
        {
            return;
        }

        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            if (_recentOutput.Count > KeptOutputLines)
            {
                _recentOutput.Dequeue();
            }
        }

        forward?.Invoke(line);
    }

    private void OnExited()
    {
        // Exited can fire before the last output lines are read; WaitForExit() drains them.
        _process.WaitForExit();
        _exited.TrySetResult(_process.ExitCode);
    }
}
