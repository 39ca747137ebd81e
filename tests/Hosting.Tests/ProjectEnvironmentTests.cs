using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Orchestration;

namespace Hosting.Tests;

public sealed class ProjectEnvironmentTests
{
    [Fact]
    public void A_replica_gets_its_url_references_every_replica_and_telemetry_in_Aspire_conventions()
    {
        var builder = TestApp.Builder();
        var db = builder.AddMySql("mysql").AddDatabase("flightsdb");
        var redis = builder.AddRedis("redis");
        var flights = builder.AddProject<TestProject>("flights").WithReplicas(2).WithReference(db);
        var gateway = builder.AddProject<TestProject>("gateway")
            .WithReference(flights)
            .WithReference(redis)
            .WithEnvironment("Feature__Enabled", "true")
            .WithEnvironment("Identity__ClientSecret", builder.AddParameter("gateway-client-secret", secret: true));

        var environment = ProjectEnvironment.Render(
            gateway.Resource,
            replica: 1,
            new Uri("http://127.0.0.1:6001"),
            "Development",
            resource => $"cs-of-{resource.Name}",
            resource => resource == flights.Resource
                ? [new Uri("http://127.0.0.1:5001"), new Uri("http://127.0.0.1:5002")]
                : [],
            parameter => $"value-of-{parameter.Name}",
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318" });

        Assert.Equal("http://127.0.0.1:6001", environment["ASPNETCORE_URLS"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);
        Assert.Equal("http://127.0.0.1:5001", environment["services__flights__http__0"]);
        Assert.Equal("http://127.0.0.1:5002", environment["services__flights__http__1"]);
        Assert.Equal("cs-of-redis", environment["ConnectionStrings__redis"]);
        Assert.Equal("gateway", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=gateway-1", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("http://127.0.0.1:4318", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("true", environment["Feature__Enabled"]);
        Assert.Equal("value-of-gateway-client-secret", environment["Identity__ClientSecret"]);
        Assert.DoesNotContain("ConnectionStrings__flightsdb", environment.Keys);
    }

    [Fact]
    public void An_endpoint_reference_is_the_first_replicas_url_with_its_path_so_two_projects_may_know_each_other()
    {
        var builder = TestApp.Builder();
        var identity = builder.AddProject<TestProject>("identity");
        var web = builder.AddProject<TestProject>("web").WithReference(identity);
        identity.WithEnvironment("Identity__WebRedirectUris__0", web.GetEndpoint("http").WithPath("/signin-oidc"));

        var environment = ProjectEnvironment.Render(identity.Resource, 0, new Uri("http://127.0.0.1:5001"), "Development",
            resource => resource.Name, resource => resource == web.Resource ? [new Uri("http://127.0.0.1:7001")] : [],
            parameter => parameter.Name, new Dictionary<string, string>());

        Assert.Equal("http://127.0.0.1:7001/signin-oidc", environment["Identity__WebRedirectUris__0"]);
        Assert.Throws<ArgumentException>(() => web.GetEndpoint("https"));
        Assert.Throws<ArgumentException>(() => web.GetEndpoint("http").WithPath("signin-oidc"));
    }

    [Fact]
    public void A_database_reference_is_its_connection_string()
    {
        var builder = TestApp.Builder();
        var db = builder.AddMySql("mysql").AddDatabase("flightsdb");
        var flights = builder.AddProject<TestProject>("flights").WithReference(db);

        var environment = ProjectEnvironment.Render(flights.Resource, 0, new Uri("http://127.0.0.1:5001"), "Production",
            resource => $"cs-of-{resource.Name}", _ => [], parameter => parameter.Name, new Dictionary<string, string>());

        Assert.Equal("cs-of-flightsdb", environment["ConnectionStrings__flightsdb"]);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_resources_with_a_connection_string_or_endpoints_can_be_referenced()
    {
        var builder = TestApp.Builder();
        var password = builder.AddParameter("password", secret: true);
        var flights = builder.AddProject<TestProject>("flights");

        Assert.Throws<InvalidOperationException>(() => flights.WithReference(password));
    }
}
