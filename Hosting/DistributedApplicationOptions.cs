using System.Reflection;

namespace Airline.Hosting;

internal sealed class DistributedApplicationOptions
{
    public required string[] Args { get; init; }

    /// <summary>The AppHost's assembly: its name and the project folder the build recorded in it.</summary>
    public required Assembly AppHostAssembly { get; init; }

    public string? AppHostDirectory { get; init; }

    /// <summary>A state folder of its own (tests), deleted on dispose; null uses the AppHost's <c>.state</c>.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Keep generated secrets across runs (run mode) or only in memory (tests).</summary>
    public bool KeepSecrets { get; init; } = true;

    public string? EnvironmentName { get; init; }

    public TextWriter? Console { get; init; }

    /// <summary>The restart policy of resources not given one (run mode: OnFailure; tests: Never).</summary>
    public ApplicationModel.RestartPolicy DefaultRestartPolicy { get; init; } = ApplicationModel.RestartPolicy.OnFailure();

    /// <summary>The dashboard's port when <c>Dashboard:Port</c> is not configured; 0 picks free ones (tests).</summary>
    public int DefaultDashboardPort { get; init; } = Dashboard.DashboardAccess.DefaultPort;
}
