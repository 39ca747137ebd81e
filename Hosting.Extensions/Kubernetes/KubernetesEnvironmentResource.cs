using System.Diagnostics.CodeAnalysis;
using Airline.Hosting.Kubernetes.Publishing;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Aspire 13.6's publishing pipeline is experimental; a pipeline step is how a compute environment takes part in `aspire publish`.
#pragma warning disable ASPIREPIPELINES001, ASPIREPIPELINES004

namespace Airline.Hosting.Kubernetes;

/// <summary>
/// The Kubernetes namespace the app model is published to. Its pipeline step, required by Aspire's publish step,
/// writes a kustomize base of the model to the output folder (<c>--output-path</c>/<c>-o</c>).
/// </summary>
public sealed class KubernetesEnvironmentResource : Resource, IComputeEnvironmentResource
{
    /// <summary>The configuration section of the publisher's settings, e.g. <c>Kubernetes:Namespace</c>.</summary>
    public const string ConfigurationSection = "Kubernetes";

    public KubernetesEnvironmentResource(string name)
        : base(name)
    {
        Annotations.Add(new PipelineStepAnnotation(_ =>
        {
            var step = new PipelineStep
            {
                Name = $"publish-{Name}",
                Description = $"Writes the Kubernetes manifests of the app model for the namespace of '{Name}'.",
                Action = PublishAsync,
            };
            step.RequiredBy(WellKnownPipelineSteps.Publish);
            return step;
        }));
    }

    /// <summary>Inside the cluster a resource is reached at its Service, named after it.</summary>
    [Experimental("ASPIRECOMPUTE002")]
    public ReferenceExpression GetHostAddressExpression(EndpointReference endpointReference) =>
        ReferenceExpression.Create($"{endpointReference.Resource.Name}");

    private async Task PublishAsync(PipelineStepContext context)
    {
        var configuration = context.Services.GetRequiredService<IConfiguration>();
        var options = KubernetesPublisherOptions.From(configuration.GetSection(ConfigurationSection), Name);
        var outputDirectory = OutputDirectory(context);

        var result = await new KubernetesPublisher(options, configuration)
            .PublishAsync(context.Model, context.ExecutionContext, outputDirectory, context.CancellationToken);

        PublishLog.Wrote(context.Logger, result.ObjectCount, outputDirectory);
        foreach (var note in result.Notes)
        {
            PublishLog.Note(context.Logger, note);
        }
    }

    /// <summary>The output folder itself, or a folder of its own when the model has several compute environments (as Aspire's publishers do).</summary>
    private string OutputDirectory(PipelineStepContext context)
    {
        var output = context.Services.GetRequiredService<IPipelineOutputService>();
        return context.Model.Resources.OfType<IComputeEnvironmentResource>().Skip(1).Any()
            ? output.GetOutputDirectory(this)
            : output.GetOutputDirectory();
    }
}
