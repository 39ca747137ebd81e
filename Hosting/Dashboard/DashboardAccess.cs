using System.Security.Cryptography;
using System.Text;

namespace Airline.Hosting.Dashboard;

/// <summary>
/// Where the dashboard listens (loopback only) and the two secrets that guard it: the browser token a
/// person logs in with, and the API key every project sends with its telemetry.
/// </summary>
public sealed class DashboardAccess
{
    public const int DefaultPort = 18888;
    public const int DefaultOtlpGrpcPort = 18889;
    public const string OtlpApiKeyHeader = "x-otlp-api-key";

    internal DashboardAccess(int port, int otlpGrpcPort, IReadOnlyList<int>? unavailablePorts = null)
    {
        Url = new Uri($"http://127.0.0.1:{port}/");
        OtlpGrpcUrl = new Uri($"http://127.0.0.1:{otlpGrpcPort}/");
        UnavailablePorts = unavailablePorts ?? [];
    }

    /// <summary>The pages, their API and the OTLP/HTTP receiver (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>).</summary>
    public Uri Url { get; }

    /// <summary>The OTLP/gRPC receiver (HTTP/2 without TLS), for exporters that speak gRPC.</summary>
    public Uri OtlpGrpcUrl { get; }

    /// <summary>Made anew for every run; <see cref="LoginUrl"/> turns it into a session cookie.</summary>
    public string BrowserToken { get; } = NewSecret();

    public string OtlpApiKey { get; } = NewSecret();

    public Uri LoginUrl => new(Url, $"login?t={BrowserToken}");

    /// <summary>Ports that were asked for but in use, so that free ones were chosen instead.</summary>
    internal IReadOnlyList<int> UnavailablePorts { get; }

    /// <summary>
    /// Chooses the ports: <c>Dashboard:Port</c> and <c>Dashboard:OtlpGrpcPort</c> when configured, else 18888 and
    /// 18889, or free ones when <paramref name="defaultPort"/> is 0 (tests). 0 means a free one, and a port in use
    /// falls back to a free one (another AppHost may have it).
    /// </summary>
    internal static DashboardAccess Create(DashboardSettings settings, int defaultPort)
    {
        var unavailable = new List<int>();
        var port = Choose(settings.Port ?? defaultPort);
        var otlpGrpcPort = Choose(settings.OtlpGrpcPort ?? (defaultPort == 0 ? 0 : DefaultOtlpGrpcPort));
        return new DashboardAccess(port, otlpGrpcPort, unavailable);

        int Choose(int asked)
        {
            if (asked != 0 && Local.FreePort.IsFree(asked))
            {
                return asked;
            }

            if (asked != 0)
            {
                unavailable.Add(asked);
            }

            return Local.FreePort.Next();
        }
    }

    /// <summary>Whether <paramref name="given"/> is this run's OTLP API key (compared in constant time).</summary>
    internal bool IsOtlpApiKey(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(OtlpApiKey));

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
    };

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
