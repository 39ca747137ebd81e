using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.RunSummary;

internal sealed class RunSummaryPrinter(
    RunSummaryProjects summary,
    ResourceNotificationService notifications,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
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

        var lines = summary.Projects.Select((project, index) =>
            $"{project.Name} is at {project.GetEndpoint("http").Url}{(index == 0 ? " (open this one)" : string.Empty)}").ToList();
        if (DashboardLoginUrl() is { } dashboard)
        {
            lines.Add($"dashboard is at {dashboard}");
        }

        Console.WriteLine();
        lines.ForEach(Console.WriteLine);
    }

    private string? DashboardLoginUrl() =>
        configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } url
            ? configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{url.TrimEnd('/')}/login?t={token}" : url
            : null;
}
