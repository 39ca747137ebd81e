using System.Globalization;
using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// The environment of one replica of a project, in .NET Aspire's conventions, so the services read it
/// exactly as they would under Aspire: URLs, connection strings, service endpoints, OpenTelemetry.
/// </summary>
internal static class ProjectEnvironment
{
    public static Dictionary<string, string> Render(
        ProjectResource project,
        int replica,
        Uri url,
        string environmentName,
        Func<IResource, string> connectionString,
        Func<IResource, IReadOnlyList<Uri>> endpoints,
        Func<ParameterResource, string> parameterValue,
        IReadOnlyDictionary<string, string> telemetry)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url.GetLeftPart(UriPartial.Authority),
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{replica.ToString(CultureInfo.InvariantCulture)}",
        };

        foreach (var (key, value) in telemetry)
        {
            environment[key] = value;
        }

        foreach (var reference in project.References)
        {
            if (reference is IResourceWithConnectionString)
            {
                environment[$"ConnectionStrings__{reference.Name}"] = connectionString(reference);
            }

            if (reference is IResourceWithServiceDiscovery)
            {
                var index = 0;
                foreach (var endpoint in endpoints(reference))
                {
                    environment[$"services__{reference.Name}__{endpoint.Scheme}__{index++}"] = endpoint.GetLeftPart(UriPartial.Authority);
                }
            }
        }

        foreach (var (key, value) in project.Environment)
        {
            environment[key] = value;
        }

        foreach (var (key, parameter) in project.ParameterEnvironment)
        {
            environment[key] = parameterValue(parameter);
        }

        foreach (var (key, endpoint) in project.EndpointEnvironment)
        {
            environment[key] = endpoint.Resolve(endpoints(endpoint.Project)[0]);
        }

        return environment;
    }
}
