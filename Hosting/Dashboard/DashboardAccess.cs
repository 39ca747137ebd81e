using System.Security.Cryptography;

namespace Airline.Hosting.Dashboard;

/// <summary>
/// Where the dashboard listens (loopback only) and the two secrets that guard it: the browser token a
/// person logs in with, and the API key every project sends with its telemetry.
/// </summary>
public sealed class DashboardAccess
{
    public const int DefaultPort = 18888;
    public const string OtlpApiKeyHeader = "x-otlp-api-key";

    internal DashboardAccess(int port, int? unavailablePort = null)
    {
        Url = new Uri($"http://127.0.0.1:{port}/");
        UnavailablePort = unavailablePort;
    }

    public Uri Url { get; }

    /// <summary>Made anew for every run; <see cref="LoginUrl"/> turns it into a session cookie.</summary>
    public string BrowserToken { get; } = NewSecret();

    public string OtlpApiKey { get; } = NewSecret();

    public Uri LoginUrl => new(Url, $"login?t={BrowserToken}");

    /// <summary>The port asked for when it was in use and another was chosen; null otherwise.</summary>
    internal int? UnavailablePort { get; }

    /// <summary>
    /// Chooses the port: <c>Dashboard:Port</c> when configured, else <paramref name="defaultPort"/>; 0 means
    /// a free one, and a port in use falls back to a free one (another AppHost may have it).
    /// </summary>
    internal static DashboardAccess Create(int? configuredPort, int defaultPort)
    {
        var port = configuredPort ?? defaultPort;
        if (port == 0)
        {
            return new DashboardAccess(Local.FreePort.Next());
        }

        return Local.FreePort.IsFree(port) ? new DashboardAccess(port) : new DashboardAccess(Local.FreePort.Next(), port);
    }

    /// <summary>What every project is given so that its OpenTelemetry exporter sends here (OTLP/HTTP protobuf).</summary>
    internal Dictionary<string, string> TelemetryEnvironment() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Url.GetLeftPart(UriPartial.Authority),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_EXPORTER_OTLP_HEADERS"] = $"{OtlpApiKeyHeader}={OtlpApiKey}",
        // Export every second, not every five: the dashboard is for watching the system as it runs.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        // The exporter's own HttpClient gets the services' standard resilience handler, whose Information line
        // per call would be logged (and exported) every second by every process.
        ["Logging__LogLevel__Polly"] = "Warning",
    };

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
