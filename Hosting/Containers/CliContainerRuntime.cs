using Airline.Hosting.Local;

namespace Airline.Hosting.Containers;

/// <summary>Drives docker or podman through its command line.</summary>
public sealed class CliContainerRuntime(string executable) : IContainerRuntime
{
    private static readonly string[] Candidates = ["docker", "podman"];

    public string Name => Path.GetFileName(executable);

    /// <summary>The first of docker and podman whose engine answers, or null.</summary>
    public static async Task<CliContainerRuntime?> DetectAsync(CancellationToken cancellationToken)
    {
        foreach (var candidate in Candidates)
        {
            if (Executable.TryFind(candidate) is { } path)
            {
                var runtime = new CliContainerRuntime(path);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    if ((await runtime.ExecuteAsync(ContainerCommand.Info(), timeout.Token)).ExitCode == 0)
                    {
                        return runtime;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // An engine that does not answer in time is as good as none.
                }
            }
        }

        return null;
    }

    public async Task RunAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        await RemoveAsync(spec.Name);
        var (exitCode, output) = await ExecuteAsync(ContainerCommand.Run(spec), cancellationToken);
        if (exitCode != 0)
        {
            throw new DistributedApplicationException($"{Name} could not start {spec.Image} as {spec.Name} (exit code {exitCode}): {output}");
        }
    }

    public async Task RemoveAsync(string containerName) =>
        await ExecuteAsync(ContainerCommand.Remove(containerName), CancellationToken.None);

    public async Task<int> WaitAsync(string containerName)
    {
        var (exitCode, output) = await ExecuteAsync(ContainerCommand.Wait(containerName), CancellationToken.None);
        return exitCode == 0 && int.TryParse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var containerExitCode)
            ? containerExitCode
            : exitCode;
    }

    public async Task<int> RemoveLeftoversAsync(string label, CancellationToken cancellationToken)
    {
        var (_, output) = await ExecuteAsync(ContainerCommand.ListByLabel(label), cancellationToken);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var id in ids)
        {
            await RemoveAsync(id);
        }

        return ids.Length;
    }

    private async Task<(int ExitCode, string Output)> ExecuteAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await using var process = LocalProcess.Start(executable, arguments);
        try
        {
            var exitCode = await process.Exited.WaitAsync(cancellationToken);
            return (exitCode, process.RecentOutput());
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
    }
}
