using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublicPaths;

/// <summary>One measured path: wrk figures (or a storage tool's) and each service's peak resident set during it.</summary>
internal sealed record Row(
    string Id,
    string Path,
    double RequestsPerSecond,
    double? P50Ms,
    double? P99Ms,
    double? MaxMs,
    long? Non2xx,
    IReadOnlyDictionary<string, double>? PeakRssMb,
    string? Note = null)
{
    public static Row From(string id, string path, WrkFigures figures, IReadOnlyDictionary<string, double> peakRss, string? note = null) =>
        new(id, path, Math.Round(figures.RequestsPerSecond), figures.P50Us / 1000.0, figures.P99Us / 1000.0, figures.MaxUs / 1000.0,
            figures.Non2xx, peakRss.ToDictionary(p => p.Key, p => Math.Round(p.Value)), note);
}

/// <summary>A ratio target of issue 8, evaluated on figures of this run.</summary>
internal sealed record Target(string Description, double Value, string Unit, double Limit, bool AtMost)
{
    public bool Holds => AtMost ? Value <= Limit : Value >= Limit;
}

/// <summary>Prints the table and the targets, and writes them as JSON.</summary>
internal sealed class Report(IReadOnlyList<Row> rows, IReadOnlyList<Target> targets, IReadOnlyDictionary<string, object> run)
{
    private static readonly string[] Services = ["gateway", "flights", "reservations"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"path",-82} {"req/s",9} {"p50 ms",7} {"p99 ms",7} {"max ms",7} {"non-2xx",7}  {"peak RSS MB gw/flights/res",-26}");
        foreach (var row in rows)
        {
            var rss = row.PeakRssMb is { } peak ? string.Join(" / ", Services.Select(s => peak[s].ToString("0", CultureInfo.InvariantCulture))) : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{row.Path,-82} {row.RequestsPerSecond,9:#,0} {Ms(row.P50Ms),7} {Ms(row.P99Ms),7} {Ms(row.MaxMs),7} {row.Non2xx?.ToString(CultureInfo.InvariantCulture) ?? "",7}  {rss,-26}");
            if (row.Note is { } note)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {note}");
            }
        }

        text.AppendLine().AppendLine("targets (same run):");
        foreach (var target in targets)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  [{(target.Holds ? "PASS" : "FAIL")}] {target.Description}: {target.Value:0.00}{target.Unit} ({(target.AtMost ? "<=" : ">=")} {target.Limit:0.##}{target.Unit})");
        }

        return text.ToString();
    }

    /// <summary>The same table in Markdown, as the README shows it.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| path | req/s | p50 ms | p99 ms | max ms | non-2xx | peak RSS MB gateway / flights / reservations |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var rss = row.PeakRssMb is { } peak ? string.Join(" / ", Services.Select(s => peak[s].ToString("0", CultureInfo.InvariantCulture))) : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Path} | {row.RequestsPerSecond:#,0} | {Ms(row.P50Ms)} | {Ms(row.P99Ms)} | {Ms(row.MaxMs)} | {row.Non2xx?.ToString(CultureInfo.InvariantCulture) ?? ""} | {rss} |");
        }

        text.AppendLine().AppendLine("| target (same run) | figure | limit | |").AppendLine("|---|---:|---:|---|");
        foreach (var target in targets)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {target.Description} | {target.Value:0.00}{target.Unit} | {(target.AtMost ? "≤" : "≥")} {target.Limit:0.##}{target.Unit} | {(target.Holds ? "holds" : "**does not hold**")} |");
        }

        return text.ToString();
    }

    public Task WriteJsonAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { Run = run, Rows = rows, Targets = targets.Select(t => new { t.Description, t.Value, t.Unit, t.Limit, t.AtMost, t.Holds }) }, Json) + "\n");
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "";
}
