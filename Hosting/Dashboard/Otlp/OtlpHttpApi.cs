using System.IO.Compression;
using Airline.Hosting.Dashboard.Authentication;
using Airline.Hosting.Dashboard.Otlp.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Airline.Hosting.Dashboard.Otlp;

/// <summary>The OTLP/HTTP receiver: protobuf on <c>/v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>, guarded by the API key.</summary>
internal static class OtlpHttpApi
{
    private const string ProtobufContentType = "application/x-protobuf";

    public static IEndpointRouteBuilder MapOtlpHttpApi(this IEndpointRouteBuilder app)
    {
        var otlp = app.MapGroup("/v1").AddEndpointFilter<OtlpApiKeyFilter>();

        otlp.MapPost("/traces", (HttpRequest request, OtlpIntake intake) =>
            ReceiveAsync(request, ExportTraceServiceRequest.Parser, new ExportTraceServiceResponse(), intake.Accept));

        otlp.MapPost("/logs", (HttpRequest request, OtlpIntake intake) =>
            ReceiveAsync(request, ExportLogsServiceRequest.Parser, new ExportLogsServiceResponse(), intake.Accept));

        otlp.MapPost("/metrics", (HttpRequest request, OtlpIntake intake) =>
            ReceiveAsync(request, ExportMetricsServiceRequest.Parser, new ExportMetricsServiceResponse(), intake.Accept));

        return app;
    }

    private static async Task<IResult> ReceiveAsync<TRequest>(HttpRequest request, MessageParser<TRequest> parser, IMessage response, Action<TRequest> store)
        where TRequest : IMessage<TRequest>
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                title: "Unsupported content type", detail: $"This receiver takes OTLP/HTTP in protobuf ({ProtobufContentType}).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        var compressed = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        await using (var source = compressed ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body)
        {
            await source.CopyToAsync(body, request.HttpContext.RequestAborted);
        }

        TRequest message;
        try
        {
            message = parser.ParseFrom(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (InvalidProtocolBufferException exception)
        {
            return TypedResults.Problem(title: "Malformed OTLP message", detail: exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        store(message);
        return TypedResults.Bytes(response.ToByteArray(), ProtobufContentType);
    }
}
