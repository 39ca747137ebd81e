using System.Globalization;

namespace PublicPaths;

/// <summary>Samples the resident set of every service process every 100 ms and keeps each service's peak (MB).</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<int>> _processes;
    private readonly Dictionary<string, double> _peakMegabytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public RssSampler(IReadOnlyDictionary<string, IReadOnlyList<int>> processes)
    {
        _processes = processes;
        _peakMegabytes = processes.Keys.ToDictionary(service => service, _ => 0.0);
        _sampling = SampleAsync();
    }

    public async Task<IReadOnlyDictionary<string, double>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        return _peakMegabytes;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    /// <summary>VmHWM: the peak resident set of the process since it started.</summary>
    public static double PeakSinceStartMegabytes(int processId) => StatusKilobytes(processId, "VmHWM:") / 1024.0;

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        foreach (var (service, processIds) in _processes)
        {
            foreach (var processId in processIds)
            {
                _peakMegabytes[service] = Math.Max(_peakMegabytes[service], StatusKilobytes(processId, "VmRSS:") / 1024.0);
            }
        }
    }

    private static long StatusKilobytes(int processId, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
