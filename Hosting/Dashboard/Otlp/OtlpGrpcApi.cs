using Airline.Hosting.Dashboard.Otlp.Protocol;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airline.Hosting.Dashboard.Otlp;

/// <summary>The OTLP/gRPC receiver: the collector's three Export services, on their own HTTP/2 port, guarded by the API key.</summary>
internal static class OtlpGrpcApi
{
    private const string ServicePrefix = "/opentelemetry.proto.collector.";

    public static WebApplication MapOtlpGrpcApi(this WebApplication app, DashboardAccess access)
    {
        var onItsPort = $"*:{access.OtlpGrpcUrl.Port}";
        app.MapGrpcService<TraceReceiver>().RequireHost(onItsPort);
        app.MapGrpcService<LogsReceiver>().RequireHost(onItsPort);
        app.MapGrpcService<MetricsReceiver>().RequireHost(onItsPort);
        return app;
    }

    public static bool IsOtlpGrpcPath(PathString path) => path.Value?.StartsWith(ServicePrefix, StringComparison.Ordinal) == true;

    private sealed class TraceReceiver(OtlpIntake intake) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            intake.Accept(request);
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    private sealed class LogsReceiver(OtlpIntake intake) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            intake.Accept(request);
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }

    private sealed class MetricsReceiver(OtlpIntake intake) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            intake.Accept(request);
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }
}
