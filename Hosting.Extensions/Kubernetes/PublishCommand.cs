using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Publishing.Kubernetes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Publishing;

/// <summary>
/// Publish mode: writes what the chosen publisher makes of the app model, starts nothing, and sets the
/// process exit code (0 written, 1 not: the reason goes to standard error).
/// </summary>
internal sealed class PublishCommand(
    IReadOnlyList<string> args,
    DistributedApplicationModel model,
    IConfiguration configuration,
    IHostEnvironment environment,
    TextWriter output,
    TextWriter error)
{
    private static readonly string[] Publishers = [KubernetesPublisher.Name];

    public Task RunAsync()
    {
        try
        {
            Publish();
            System.Environment.ExitCode = 0;
        }
        catch (Exception exception) when (exception is DistributedApplicationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"publish failed: {exception.Message}");
            System.Environment.ExitCode = 1;
        }

        return Task.CompletedTask;
    }

    private void Publish()
    {
        var arguments = PublishArguments.Parse(args);
        if (arguments.Publisher != KubernetesPublisher.Name)
        {
            throw new DistributedApplicationException(
                $"Unknown publisher '{arguments.Publisher}'; available: {string.Join(", ", Publishers)}.");
        }

        var options = KubernetesPublisherOptions.Parse(arguments.Options, environment.ApplicationName);
        var outputDirectory = Path.GetFullPath(arguments.OutputPath);
        var result = new KubernetesPublisher(options, configuration).Publish(model.Resources.ToList<IResource>(), outputDirectory);

        output.WriteLine($"Wrote {result.ObjectCount} Kubernetes objects to {outputDirectory} (apply with: kubectl apply -k {arguments.OutputPath}).");
        foreach (var note in result.Notes)
        {
            output.WriteLine($"note: {note}");
        }
    }
}
