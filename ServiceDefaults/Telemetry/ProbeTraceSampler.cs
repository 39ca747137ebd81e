using OpenTelemetry.Trace;

namespace ServiceDefaults.Telemetry;

/// <summary>
/// Drops the traces of YARP's active health checks, a root span every probe interval with one child per
/// destination, which would bury customers' requests in the trace list. Everything else is sampled by
/// <paramref name="inner"/>; children follow their parent, so a probe's HTTP spans go with it.
/// </summary>
internal sealed class ProbeTraceSampler(Sampler inner) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Name is "proxy.cluster_health_checks" or "proxy.destination_health_check"
            ? Drop
            : inner.ShouldSample(samplingParameters);
}
