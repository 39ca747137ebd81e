using System.Globalization;
using Airline.Hosting.Dashboard.Otlp.Protocol;
using Airline.Hosting.Dashboard.Telemetry;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Airline.Hosting.Dashboard.Otlp;

/// <summary>OTLP's common values as the dashboard shows them: text, hex ids and times.</summary>
internal static class OtlpValues
{
    /// <summary>The service that sent it (<c>service.name</c>) and which instance of it (<c>service.instance.id</c>).</summary>
    public static MetricSource Source(Resource? resource)
    {
        var attributes = resource?.Attributes ?? [];
        var service = attributes.FirstOrDefault(a => a.Key == "service.name") is { } name ? Text(name.Value) : "unknown_service";
        var instance = attributes.FirstOrDefault(a => a.Key == "service.instance.id") is { } id ? Text(id.Value) : service;
        return new MetricSource(service, instance);
    }

    public static Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(attributes.Count);
        foreach (var attribute in attributes)
        {
            result[attribute.Key] = Text(attribute.Value);
        }

        return result;
    }

    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Text))}]",
        AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Text(kv.Value)}"))}}}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    /// <summary>An id as lower-case hex, or null when it is absent (empty or all zeros).</summary>
    public static string? Id(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexString(id.Span).ToLowerInvariant();

    public static DateTimeOffset Time(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));
}
