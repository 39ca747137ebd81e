using System.Net;
using System.Text.Json.Serialization;
using Airline.Hosting.Dashboard.Authentication;
using Airline.Hosting.Dashboard.ConsoleLogs;
using Airline.Hosting.Dashboard.Otlp;
using Airline.Hosting.Dashboard.Resources;
using Airline.Hosting.Dashboard.Telemetry;
using Airline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airline.Hosting.Dashboard;

/// <summary>
/// The dashboard's own web application inside the AppHost process: a loopback Kestrel serving the pages,
/// their API and the OTLP/HTTP receiver on one port and the OTLP/gRPC receiver (HTTP/2) on another, over
/// the AppHost's orchestrator and telemetry stores.
/// </summary>
internal static class DashboardWebApplication
{
    public static WebApplication Create(DashboardAccess access, IServiceProvider appHost)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Airline.Dashboard" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, access.Url.Port);
            kestrel.Listen(IPAddress.Loopback, access.OtlpGrpcUrl.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<OtlpApiKeyInterceptor>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddSingleton(appHost.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton(appHost.GetRequiredService<DistributedApplicationModel>());
        builder.Services.AddSingleton(appHost.GetRequiredService<Orchestrator>());
        builder.Services.AddSingleton(appHost.GetRequiredService<ResourceNotificationService>());
        builder.Services.AddSingleton(appHost.GetRequiredService<ResourceLogService>());
        builder.Services.AddSingleton(appHost.GetRequiredService<TraceStore>());
        builder.Services.AddSingleton(appHost.GetRequiredService<LogStore>());
        builder.Services.AddSingleton(appHost.GetRequiredService<MetricStore>());
        builder.Services.AddSingleton<ResourceViews>();
        builder.Services.AddSingleton<OtlpIntake>();

        var app = builder.Build();
        app.UseBrowserSession(access);
        app.MapStaticAssets();
        app.MapResourcesApi();
        app.MapConsoleLogsApi();
        app.MapTelemetryApi();
        app.MapOtlpHttpApi();
        app.MapOtlpGrpcApi(access);
        return app;
    }
}
