using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ServiceDefaults.Health;
using ServiceDefaults.ProblemDetails;
using ServiceDefaults.Resilience;
using ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Airline service shares: telemetry, health, service discovery, replica-aware resilient HTTP clients,
/// snake_case JSON and RFC 9457 errors.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>The ActivitySource and Meter of MySqlConnector (ADO.NET driver used through EF Core).</summary>
    private const string MySqlConnectorTelemetryName = "MySqlConnector";

    /// <summary>YARP's own ActivitySource (only the gateway emits on it).</summary>
    private const string YarpTelemetryName = "Yarp.ReverseProxy";

    private const string OtlpTimeoutSetting = "OTEL_EXPORTER_OTLP_TIMEOUT";

    private const string OtlpTimeoutMilliseconds = "1000";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultRequestLimits();

        builder.Services.AddServiceDiscovery();
        builder.Services.AddReplicaAwareResilience();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddReplicaAwareResilienceHandlers());

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddSingleton<DependencyOutages>();
        builder.Services.AddDefaultProblemDetails();

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var serviceTelemetryName = builder.Environment.ApplicationName;

        // Polly logs every resilient call at Information (the OTLP exporter's own calls included), every failed
        // attempt at Warning with its exception and every attempt timeout at Error; an outage is reported once,
        // by DependencyOutages, and each 503 with its trace id.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MySqlConnectorTelemetryName, serviceTelemetryName))
            .WithTracing(tracing => tracing
                .SetSampler(new ProbeTraceSampler(new ParentBasedSampler(new AlwaysOnSampler())))
                .AddSource(serviceTelemetryName, MySqlConnectorTelemetryName, YarpTelemetryName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(options =>
                    options.FilterHttpRequestMessage = request => !IsProbe(request.RequestUri?.AbsolutePath)));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // A collector that is gone (the dashboard stopped first; none at all under the testing builder) held every
            // service's shutdown for the exporter's default 10 s of retries; a live collector answers in milliseconds.
            builder.Configuration[OtlpTimeoutSetting] ??= OtlpTimeoutMilliseconds;
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        // Every probe of an unhealthy check would log an error with the check's exception; /health answers
        // with the detail, and DependencyOutages logs the outage once.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check) and <c>/alive</c> (liveness: checks tagged "live") in
    /// every environment, since Kubernetes probes them; Development also gets the JSON detail of each check.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        var writeDetail = app.Environment.IsDevelopment();

        app.MapHealthChecks(HealthEndpointPath, HealthResponse.Options(writeDetail, _ => true));
        app.MapHealthChecks(AlivenessEndpointPath, HealthResponse.Options(writeDetail, check => check.Tags.Contains("live")));

        return app;
    }

    /// <summary>Health probes (Kubernetes', the AppHost's, YARP's active checks) would drown the traces that matter.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);
}
