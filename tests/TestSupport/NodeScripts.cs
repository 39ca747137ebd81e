using System.ComponentModel;
using System.Diagnostics;

namespace Airline.TestSupport;

/// <summary>Node.js scripts of a browser test (playwright-core) in one directory: their npm packages and runs, bounded in time.</summary>
public sealed class NodeScripts(string directory, TimeSpan limit)
{
    /// <summary>Runs <c>npm ci</c> unless every one of <paramref name="packages"/> is installed; the answer says why it failed.</summary>
    public async Task<(int ExitCode, string Output)> InstallAsync(params string[] packages) =>
        packages.All(package => Directory.Exists(Path.Combine(directory, "node_modules", package)))
            ? (0, "")
            : await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>());

    /// <summary>Exit code (-1 when it ran past the limit and was killed) and everything it wrote.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string command, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{command} took longer than {limit.TotalMinutes} minutes.{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{start.FileName} is not installed: the browser tests need Node.js 20+ and npm.", exception);
        }
    }
}
