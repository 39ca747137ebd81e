using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Airline.Hosting.Dashboard.Authentication;

/// <summary>OTLP/gRPC calls need the same API key as OTLP/HTTP (<c>x-otlp-api-key</c> metadata), else Unauthenticated.</summary>
internal sealed class OtlpApiKeyInterceptor(DashboardAccess access) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        access.IsOtlpApiKey(context.RequestHeaders.GetValue(DashboardAccess.OtlpApiKeyHeader))
            ? continuation(request, context)
            : throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Send the key the AppHost gives every project in OTEL_EXPORTER_OTLP_HEADERS as {DashboardAccess.OtlpApiKeyHeader}."));
}
