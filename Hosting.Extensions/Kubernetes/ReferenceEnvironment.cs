using System.Globalization;
using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Publishing.Kubernetes;

/// <summary>
/// What a reference gives a workload in the cluster, in .NET Aspire's conventions with Kubernetes DNS names:
/// <c>services__{name}__http__0</c> (plain, for the ConfigMap) or <c>ConnectionStrings__{name}</c>, whose
/// password comes from the Secret. An endpoint reference (<c>WithEnvironment(name, project.GetEndpoint("http"))</c>) to a
/// project the Ingress serves is its public address: such references are what browsers are sent to.
/// </summary>
internal static class ReferenceEnvironment
{
    /// <summary>What every reference gives <paramref name="resource"/>, then its own <c>WithEnvironment</c> settings.</summary>
    public static void AddAll(Resource resource, PublishContext context, IDictionary<string, string> settings, EnvironmentVariables variables)
    {
        foreach (var reference in resource.References)
        {
            Add(reference, context, settings, variables);
        }

        foreach (var (name, value) in resource.Environment)
        {
            settings[name] = value;
        }

        foreach (var (name, parameter) in resource.ParameterEnvironment)
        {
            variables.AddFromSecret(name, context.Password(parameter));
        }

        foreach (var (name, endpoint) in (resource as ProjectResource)?.EndpointEnvironment ?? [])
        {
            settings[name] = endpoint.Resolve(endpoint.Project.IsExternal ? context.Options.PublicUrl : ServiceUrl(endpoint.Project));
        }
    }

    private static void Add(IResource reference, PublishContext context, IDictionary<string, string> settings, EnvironmentVariables variables)
    {
        switch (reference)
        {
            case ProjectResource project:
                settings[$"services__{project.Name}__http__0"] = ServiceUrl(project).GetLeftPart(UriPartial.Authority);
                break;
            case MySqlServerResource server:
                AddMySql(reference.Name, server, database: null, context, variables);
                break;
            case MySqlDatabaseResource database:
                AddMySql(reference.Name, database.Server, database.DatabaseName, context, variables);
                break;
            case RedisResource redis:
                var redisPassword = AddPassword(redis.Password, context, variables);
                variables.Add($"ConnectionStrings__{redis.Name}",
                    $"{redis.Name}:{RedisResource.DefaultPort.ToString(CultureInfo.InvariantCulture)},password=$({redisPassword})");
                break;
            case ConnectionStringResource external:
                variables.AddFromSecret($"ConnectionStrings__{external.Name}", context.ConnectionString(external));
                break;
            default:
                throw new DistributedApplicationException(
                    $"'{reference.Name}' is a {reference.GetType().Name}, which the kubernetes publisher cannot give to the resources that reference it.");
        }
    }

    private static Uri ServiceUrl(ProjectResource project) =>
        new($"http://{project.Name}:{ProjectManifests.HttpPort.ToString(CultureInfo.InvariantCulture)}");

    private static void AddMySql(string name, MySqlServerResource server, string? database, PublishContext context, EnvironmentVariables variables)
    {
        var password = AddPassword(server.Password, context, variables);
        var connectionString = $"Server={server.Name};Port={MySqlServerResource.DefaultPort.ToString(CultureInfo.InvariantCulture)};" +
            $"User ID=root;Password=$({password})" + (database is null ? "" : $";Database={database}");
        variables.Add($"ConnectionStrings__{name}", connectionString);
    }

    private static string AddPassword(ParameterResource password, PublishContext context, EnvironmentVariables variables)
    {
        var name = EnvironmentVariables.NameOf(password.Name);
        variables.AddFromSecret(name, context.Password(password));
        return name;
    }
}
