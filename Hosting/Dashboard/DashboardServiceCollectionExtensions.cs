using Airline.Hosting.Dashboard.Telemetry;
using Airline.Hosting.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace Airline.Hosting.Dashboard;

internal static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard and what it shows: bounded telemetry stores and every resource's console output.</summary>
    /// <remarks>Call before the orchestrator is added: hosted services start in the order they are added.</remarks>
    public static IServiceCollection AddDashboard(this IServiceCollection services, DashboardAccess access, DashboardSettings settings)
    {
        services.AddSingleton(access);
        services.AddSingleton(new TraceStore(settings.MaxSpans));
        services.AddSingleton(new LogStore(settings.MaxLogs));
        services.AddSingleton(new MetricStore(settings.MaxMetricPoints));
        services.AddSingleton(new ResourceLogService(settings.ConsoleLogLines));
        services.AddSingleton<DashboardHost>();
        services.AddHostedService(provider => provider.GetRequiredService<DashboardHost>());
        return services;
    }
}
