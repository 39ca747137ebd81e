using System.Globalization;
using System.Text;

namespace AppHostStartup;

/// <summary>The figures of each run, their medians beside the imitation's and the aims, and where the start-up time went.</summary>
internal static class StartupReport
{
    // The home-made imitation of Aspire, measured by the earlier version of this benchmark (six resources, one Flights.Api).
    private const double ImitationHealthySeconds = 4.5;
    private const double ImitationGoneSeconds = 0.47;
    private const double HealthyAimSeconds = 10;
    private const double GoneAimSeconds = 1.5;

    public static string Run(int run, StartupFigures figures) =>
        $"run {run}: all {figures.Instances.Count} instances healthy {S(figures.AllHealthy)} s (model built {S(figures.ModelBuilt)} s, first resource left NotStarted " +
        $"{S(figures.FirstLeftNotStarted)} s); {figures.ProcessNames.Count} processes ({Counted(figures.ProcessNames)}); " +
        $"DisposeAsync returned {S(figures.DisposeReturned)} s, all gone {S(figures.AllGone)} s";

    public static string Medians(IReadOnlyList<StartupFigures> runs)
    {
        var healthy = Median(runs, f => f.AllHealthy);
        var gone = Median(runs, f => f.AllGone);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"medians of {runs.Count} runs          Aspire 13.6  imitation  aim"));
        text.AppendLine(Invariant($"  start → all healthy            {healthy,8:0.00} s  {ImitationHealthySeconds,7:0.00} s  ≤ {HealthyAimSeconds:0.#} s   {Verdict(healthy <= HealthyAimSeconds)}"));
        text.AppendLine(Invariant($"  DisposeAsync → all gone        {gone,8:0.00} s  {ImitationGoneSeconds,7:0.00} s  ≤ {GoneAimSeconds:0.#} s  {Verdict(gone <= GoneAimSeconds)}"));
        text.AppendLine(Invariant($"  (the imitation's figures are for six resources; here {runs[0].Instances.Count} instances of nine resources, web and a second Flights.Api replica added)"));
        text.AppendLine();
        text.AppendLine("where the start-up goes (medians, seconds since CreateAsync):");
        text.AppendLine(Invariant($"  app model built, StartAsync begins              {Median(runs, f => f.ModelBuilt),6:0.00}"));
        text.AppendLine(Invariant($"  DCP's API server process seen                    {Median(runs, f => f.DcpSeen),6:0.00}"));
        text.AppendLine(Invariant($"  first resource leaves NotStarted (DCP answers)   {Median(runs, f => f.FirstLeftNotStarted),6:0.00}"));
        text.AppendLine(Invariant($"  every resource created in DCP                   {Median(runs, f => f.ResourcesCreated),6:0.00}"));
        text.AppendLine(Invariant($"  {"resource",-16} {"left NotStarted",15} {"process",8} {"service",8} {"Running",8} {"Healthy",8}"));
        foreach (var instance in InstanceNames(runs[0]))
        {
            var times = runs.Select(run => ByInstanceName(run)[instance]).ToList();
            text.AppendLine(Invariant(
                $"  {instance,-16} {MedianOrBlank(times, t => t.LeftNotStarted),15} {MedianOrBlank(times, t => t.ProcessSeen),8} {MedianOrBlank(times, t => t.ServiceProcessSeen),8} {MedianOrBlank(times, t => t.Running),8} {MedianOrBlank(times, t => t.Healthy),8}"));
        }

        text.AppendLine("  process: DCP started it (a project's `dotnet run`); service: the project's own process, started by that `dotnet run`;");
        text.AppendLine("  Running: DCP says it runs; Healthy: its health checks pass (a project's /health). Blank: not seen (a database is no process).");

        text.AppendLine();
        text.AppendLine("where the shut-down goes (medians, seconds since StopAsync + DisposeAsync began: the last process of each name gone):");
        var namesOfEveryRun = runs[0].LastGoneByName.Keys.Where(name => runs.All(run => run.LastGoneByName.ContainsKey(name)));
        foreach (var (name, lastGone) in namesOfEveryRun.Select(name => (name, Median(runs, run => run.LastGoneByName[name]))).OrderBy(process => process.Item2))
        {
            text.AppendLine(Invariant($"  {name,-21} {lastGone,6:0.00}"));
        }

        text.AppendLine(Invariant($"  {"DisposeAsync returned",-21} {Median(runs, run => run.DisposeReturned),6:0.00}"));
        return text.ToString();
    }

    private static IEnumerable<string> InstanceNames(StartupFigures run) =>
        ByInstanceName(run).OrderBy(instance => instance.Value.Healthy).Select(instance => instance.Key);

    // Replicas get fresh ids in every run: they are told apart by the order in which they became healthy.
    private static Dictionary<string, InstanceTimes> ByInstanceName(StartupFigures run) => run.Instances
        .GroupBy(instance => instance.Resource)
        .SelectMany(replicas => replicas.Count() == 1
            ? [(replicas.Key, replicas.Single())]
            : replicas.OrderBy(r => r.Healthy).Select((replica, i) => ($"{replicas.Key} #{i + 1}", replica)))
        .ToDictionary(instance => instance.Item1, instance => instance.Item2);

    private static string Counted(IEnumerable<string> names) =>
        string.Join(", ", names.GroupBy(name => name).OrderBy(g => g.Key).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} {g.Key}"));

    private static double Median<T>(IEnumerable<T> items, Func<T, TimeSpan> time)
    {
        var sorted = items.Select(item => time(item).TotalSeconds).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string MedianOrBlank(IReadOnlyList<InstanceTimes> times, Func<InstanceTimes, TimeSpan?> time) =>
        times.All(t => time(t) is not null) ? Median(times, t => time(t)!.Value).ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string Verdict(bool holds) => holds ? "holds" : "DOES NOT HOLD";

    private static string S(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
