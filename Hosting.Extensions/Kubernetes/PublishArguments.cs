namespace Airline.Hosting.Publishing;

/// <summary>
/// The command line of publish mode: <c>publish --publisher NAME --output-path DIR [--option value]…</c>;
/// options other than the publisher and the output path belong to the publisher.
/// </summary>
internal sealed record PublishArguments(string Publisher, string OutputPath, IReadOnlyDictionary<string, string> Options)
{
    public const string Verb = "publish";

    public static bool IsPublish(IReadOnlyList<string> args) => args is [Verb, ..];

    public static PublishArguments Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var argument = args[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new DistributedApplicationException($"Unexpected argument '{argument}': options are written --name value.");
            }

            string name, value;
            if (argument.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                (name, value) = (argument[2..equals], argument[(equals + 1)..]);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                (name, value) = (argument[2..], args[++i]);
            }
            else
            {
                throw new DistributedApplicationException($"Option '{argument}' needs a value.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new DistributedApplicationException($"Option '--{name}' is given twice.");
            }
        }

        var publisher = Take(options, "publisher")
            ?? throw new DistributedApplicationException("Missing --publisher: say which one, e.g. --publisher kubernetes.");
        var outputPath = Take(options, "output-path")
            ?? throw new DistributedApplicationException("Missing --output-path: say which folder to write to, e.g. --output-path deploy/k8s.");
        return new PublishArguments(publisher, outputPath, options);
    }

    private static string? Take(Dictionary<string, string> options, string name) =>
        options.Remove(name, out var value) && value.Length > 0 ? value : null;
}
