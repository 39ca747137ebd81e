namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>Which traces the trace list shows.</summary>
/// <param name="Service">Only traces this service took part in; null for all.</param>
/// <param name="ErrorsOnly">Only traces with at least one failed span.</param>
/// <param name="MinDurationMs">Only traces that lasted at least this long.</param>
/// <param name="HideProbes">Leave out health probes (the gateway's active health checks, <c>/health</c>, <c>/alive</c>).</param>
internal sealed record TraceFilter(string? Service = null, bool ErrorsOnly = false, double MinDurationMs = 0, bool HideProbes = false)
{
    private static readonly string[] ProbePaths = ["/health", "/alive"];
    private static readonly string[] PathAttributes = ["url.path", "http.route", "http.target"];

    public bool Matches(TraceSummary trace) =>
        (Service is null || trace.Services.Contains(Service))
        && (!ErrorsOnly || trace.ErrorCount > 0)
        && trace.DurationMs >= MinDurationMs
        && (!HideProbes || !trace.IsProbe);

    /// <summary>A root span that checks health rather than serves someone: a health-check span or a request for a probe path.</summary>
    public static bool IsProbe(SpanRecord root) =>
        root.Name.Contains("health_check", StringComparison.OrdinalIgnoreCase)
        || PathAttributes.Any(attribute => root.Attributes.TryGetValue(attribute, out var path) && ProbePaths.Contains(path, StringComparer.OrdinalIgnoreCase))
        || ProbePaths.Any(path => root.Name.EndsWith(" " + path, StringComparison.OrdinalIgnoreCase));
}
