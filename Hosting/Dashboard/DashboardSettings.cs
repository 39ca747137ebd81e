namespace Airline.Hosting.Dashboard;

/// <summary>The AppHost's <c>Dashboard</c> configuration section.</summary>
internal sealed class DashboardSettings
{
    /// <summary>The loopback port; 0 picks a free one. Unset: 18888 in run mode, a free one in tests.</summary>
    public int? Port { get; set; }

    /// <summary>The loopback port of the OTLP/gRPC receiver; 0 picks a free one. Unset: 18889 in run mode, a free one in tests.</summary>
    public int? OtlpGrpcPort { get; set; }

    /// <summary>Spans kept; the oldest are dropped first.</summary>
    public int MaxSpans { get; set; } = 10_000;

    /// <summary>Structured log records kept; the oldest are dropped first.</summary>
    public int MaxLogs { get; set; } = 10_000;

    /// <summary>Points kept per instrument of each service instance (one a second: five minutes).</summary>
    public int MaxMetricPoints { get; set; } = 300;

    /// <summary>Console lines kept per resource.</summary>
    public int ConsoleLogLines { get; set; } = Orchestration.ResourceLogService.DefaultLinesPerResource;
}
