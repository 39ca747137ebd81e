using Airline.Hosting.RunSummary;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public static class RunSummaryBuilderExtensions
{
    /// <summary>
    /// In run mode, once every resource is healthy, prints where to go: the first project's URL (the one to open), then
    /// the others', then the dashboard's login URL, a line each.
    /// </summary>
    public static IDistributedApplicationBuilder PrintUrlsWhenHealthy(this IDistributedApplicationBuilder builder, params IResourceBuilder<ProjectResource>[] projects)
    {
        builder.Services.AddSingleton(new RunSummaryProjects([.. projects.Select(project => project.Resource)]));
        builder.Services.TryAddEventingSubscriber<RunSummaryPrinter>();
        return builder;
    }
}
