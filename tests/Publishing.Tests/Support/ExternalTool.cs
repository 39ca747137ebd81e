using System.Diagnostics;

namespace Publishing.Tests.Support;

internal sealed record ToolResult(int ExitCode, string Output, string Error);

internal static class ExternalTool
{
    /// <summary>Runs a program to completion; null when it is not installed.</summary>
    public static async Task<ToolResult?> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
            var error = process.StandardError.ReadToEndAsync(cancellation.Token);
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
            }

            return new ToolResult(process.ExitCode, await output, await error);
        }
    }
}
