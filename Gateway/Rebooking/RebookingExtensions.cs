using OpenTelemetry.Trace;

namespace Gateway.Rebooking;

internal static class RebookingExtensions
{
    /// <summary>The rebooking saga, its journal in the Redis the gateway connects to (<c>ConnectionStrings:redis</c>), its recovery and its spans.</summary>
    public static void AddRebooking(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RebookingOptions>(builder.Configuration.GetSection(RebookingOptions.SectionName));
        builder.Services.AddSingleton<RebookingJournal>();
        builder.Services.AddTransient<RebookingSaga>();
        builder.Services.AddHostedService<RebookingRecovery>();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(RebookingTelemetry.SourceName));
    }
}
