using System.Globalization;

namespace Airline.Hosting.Orchestration;

/// <summary>The AppHost's console: one line per state change, every resource's output prefixed with its name.</summary>
internal sealed class ConsoleReporter(TextWriter writer)
{
    private const int NameWidth = 16;
    private readonly Lock _gate = new();

    public void Line(string source, string text)
    {
        var line = $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {source.PadRight(NameWidth)}| {text}";
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    public void State(ResourceSnapshot snapshot) =>
        Line(snapshot.Name, snapshot.State switch
        {
            ResourceState.Running => (snapshot.Healthy, snapshot.Restarts) switch
            {
                (true, 0) => "Running (healthy)",
                (true, var restarts) => $"Running (healthy, restarts: {restarts})",
                (false, 0) => "Running",
                (false, var restarts) => $"Running (restarts: {restarts})",
            },
            ResourceState.FailedToStart => $"FailedToStart: {snapshot.Error}",
            ResourceState.Exited => snapshot.Error is { } why ? $"Exited: {why}" : $"Exited with code {snapshot.ExitCode}",
            _ => snapshot.State.ToString(),
        });
}
