using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Local;

namespace Airline.Hosting.Orchestration;

/// <summary>Runs an <c>AddExecutable</c> resource as a local process; it completes when the process ends.</summary>
internal sealed class ExecutableRunner(
    ExecutableResource resource,
    IReadOnlyDictionary<string, string?> environment,
    Action<string> output,
    Action<string> errorOutput,
    ProcessLedger ledger) : ResourceRunner
{
    private LocalProcess? _process;

    public override IResource Resource => resource;

    public override string Kind => "Executable";

    public override Task<int>? Exited => _process?.Exited;

    public override int? ProcessId => _process?.Id;

    public override string? RecentOutput => _process?.RecentOutput();

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables => environment;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var command = Executable.TryFind(resource.Command) ?? Path.GetFullPath(resource.Command, resource.WorkingDirectory);
        if (!File.Exists(command))
        {
            throw new DistributedApplicationException($"{resource.Command} was not found on PATH or in {resource.WorkingDirectory}.");
        }

        _process = LocalProcess.Start(command, resource.Arguments, environment, resource.WorkingDirectory, output, errorOutput);
        ledger.Record(_process.Id);
        return Task.CompletedTask;
    }

    public override async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.DisposeAsync();
        }
    }
}
