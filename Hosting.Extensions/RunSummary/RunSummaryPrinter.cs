using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.RunSummary;

/// <summary>Prints where to go once everything is healthy, for a person at the console: in run mode with the dashboard on (not in tests).</summary>
internal sealed class RunSummaryPrinter(
    RunSummaryProjects summary,
    ResourceNotificationService notifications,
    IConfiguration configuration,
    DistributedApplicationOptions options,
    IHostApplicationLifetime lifetime) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode && !options.DisableDashboard)
        {
            eventing.Subscribe<AfterResourcesCreatedEvent>((created, cancellationToken) =>
            {
                _ = PrintWhenHealthyAsync(created.Model, lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }

        return Task.CompletedTask;
    }

    private async Task PrintWhenHealthyAsync(DistributedApplicationModel model, CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(model.Resources
                .Where(resource => resource is not ParameterResource && resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _) || resource is ProjectResource)
                .Select(resource => notifications.WaitForResourceHealthyAsync(resource.Name, stopping)));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }

        Console.WriteLine();
        foreach (var (project, index) in summary.Projects.Select((project, index) => (project, index)))
        {
            Console.WriteLine($"{project.Name} is at {project.GetEndpoint("http").Url}{(index == 0 ? " (open this one)" : string.Empty)}");
        }

        Console.WriteLine($"dashboard is at {DashboardLoginUrl()}");
    }

    private string DashboardLoginUrl()
    {
        var url = (configuration["ASPNETCORE_URLS"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('/');
        return configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{url}/login?t={token}" : $"{url}";
    }
}
