using Airline.Hosting.ApplicationModel;
using Publishing.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Publishing.Tests;

/// <summary>Resources and options the AppHost does not use, published from models built here.</summary>
public sealed class GenericModelTests : IDisposable
{
    private readonly string _directory = Path.Combine(TestPaths.NewTemporaryDirectory(), "k8s");

    [Fact]
    public async Task A_container_becomes_a_deployment_with_a_service_of_its_ports_or_a_stateful_set_when_it_has_volumes()
    {
        var builder = NewBuilder();
        var redis = builder.AddRedis("cache");
        builder.AddContainer("mailer", "axllent/mailpit", "v1.20").WithEndpoint("smtp", 1025).WithEndpoint("web", 8025)
            .WithReference(redis).WithEnvironment("MP_MAX_MESSAGES", "500");
        builder.AddContainer("search", "docker.io/library/solr", "9").WithEndpoint("http", 8983).WithVolume("index", "/var/solr").WithArgs("solr-precreate", "airline");

        Publish.Model(builder, _directory);
        var manifests = Manifests.Load(_directory);

        var mailer = Assert.Single(Manifests.PodSpec(manifests.Single("Deployment", "mailer")).Items("containers"));
        Assert.Equal("axllent/mailpit:v1.20", mailer.Text("image"));
        Assert.Equal(["smtp", "web"], manifests.Single("Service", "mailer").Root.Items("spec", "ports").Select(port => port.Text("name")));
        Assert.Equal("500", manifests.Single("ConfigMap", "mailer-config").Root.Text("data", "MP_MAX_MESSAGES"));
        Assert.Equal("cache:6379,password=$(CACHE_PASSWORD)",
            mailer.Items("env").Single(variable => variable.Text("name") == "ConnectionStrings__cache").Text("value"));

        var search = manifests.Single("StatefulSet", "search").Root;
        Assert.Equal("index", Assert.Single(search.Items("spec", "volumeClaimTemplates")).Text("metadata", "name"));
        Assert.Equal(["solr-precreate", "airline"], Assert.Single(search.Items("spec", "template", "spec", "containers")).Items("args").Select(arg => ((YamlScalarNode)arg).Value));
        Assert.Equal("None", manifests.Single("Service", "search").Root.Text("spec", "clusterIP"));
        Assert.Contains(manifests.Single("NetworkPolicy", "allow-cache").Root.Items("spec", "ingress"),
            rule => rule.Text("from", "0", "podSelector", "matchLabels", "app.kubernetes.io/name") == "mailer");

        await SchemaValidator.ValidateAsync(_directory);
        await Kustomize.RenderAsync(_directory);
    }

    [Fact]
    public async Task An_existing_server_becomes_a_secret_key_the_operator_fills_in()
    {
        var builder = NewBuilder();
        var payments = builder.AddConnectionString("payments");
        var ledger = builder.AddConnectionString("ledger");
        builder.Configuration["ConnectionStrings:ledger"] = "Host=ledger.example;Password=configured";
        builder.AddProject<TestProject>("billing").WithReference(payments).WithReference(ledger);

        var result = Publish.Model(builder, _directory);
        var manifests = Manifests.Load(_directory);

        var billing = Assert.Single(Manifests.PodSpec(manifests.Single("Deployment", "billing")).Items("containers"));
        var variable = billing.Items("env").Single(variable => variable.Text("name") == "ConnectionStrings__payments");
        Assert.Equal("ConnectionStrings__payments", variable.Text("valueFrom", "secretKeyRef", "key"));
        Assert.Contains("ConnectionStrings__payments=\n", File.ReadAllText(Path.Combine(_directory, "secrets.env")));
        Assert.Contains("ConnectionStrings__ledger=Host=ledger.example;Password=configured\n", File.ReadAllText(Path.Combine(_directory, "secrets.env")));
        Assert.Contains(result.Notes, note => note.Contains("'ConnectionStrings__payments'", StringComparison.Ordinal) && note.Contains("fill it in", StringComparison.Ordinal));
        Assert.Contains(result.Notes, note => note.Contains("'billing' uses 'payments'", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateFiles(_directory).Where(file => !file.EndsWith("secrets.env", StringComparison.Ordinal)),
            file => File.ReadAllText(file).Contains("configured", StringComparison.Ordinal));

        await Kustomize.RenderAsync(_directory);
    }

    [Fact]
    public void An_executable_cannot_be_published()
    {
        var builder = NewBuilder();
        builder.AddExecutable("seed", "python3", ".", "seed.py");

        var error = Assert.Throws<DistributedApplicationException>(() => Publish.Model(builder, _directory));

        Assert.Contains("'seed' is an executable", error.Message);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public async Task A_server_without_a_data_volume_keeps_its_data_for_the_life_of_the_pod_and_every_database_is_created()
    {
        var builder = NewBuilder();
        var mysql = builder.AddMySql("db");
        mysql.AddDatabase("orders");
        mysql.AddDatabase("audit", "audit_log");

        Publish.Model(builder, _directory);
        var manifests = Manifests.Load(_directory);

        var statefulSet = manifests.Single("StatefulSet", "db").Root;
        Assert.Null(statefulSet.Find("spec", "volumeClaimTemplates"));
        Assert.Contains(statefulSet.Items("spec", "template", "spec", "volumes"), volume => volume.Text("name") == "data" && volume.Find("emptyDir") is not null);
        Assert.Equal("CREATE DATABASE IF NOT EXISTS `audit_log`;\n", manifests.Single("ConfigMap", "db-initdb").Root.Text("data", "databases.sql"));
        await SchemaValidator.ValidateAsync(_directory);
    }

    [Fact]
    public void The_options_name_the_namespace_images_ingress_class_and_collector()
    {
        var builder = NewBuilder();
        builder.AddProject<TestProject>("web").WithExternalHttpEndpoints();

        Publish.Model(builder, _directory, "--namespace", "shop", "--registry", "ghcr.io/acme/", "--tag", "1.4.2",
            "--ingress-class", "traefik", "--ingress-namespace", "traefik", "--otlp-endpoint", "http://collector:4318", "--environment", "Staging");
        var manifests = Manifests.Load(_directory);

        Assert.Equal("shop", manifests.Kustomization.Text("namespace"));
        Assert.Equal("ghcr.io/acme/web:1.4.2", Assert.Single(Manifests.PodSpec(manifests.Single("Deployment", "web")).Items("containers")).Text("image"));
        Assert.Equal("traefik", manifests.Single("Ingress", "web").Root.Text("spec", "ingressClassName"));
        var settings = manifests.Single("ConfigMap", "web-config").Root.Strings("data");
        Assert.Equal("http://collector:4318", settings["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", settings["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("Staging", settings["ASPNETCORE_ENVIRONMENT"]);
        var policy = manifests.Single("NetworkPolicy", "allow-web").Root;
        Assert.Equal("traefik", policy.Text("spec", "ingress", "0", "from", "0", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
    }

    [Fact]
    public void The_public_url_is_the_ingress_host_and_what_references_to_external_endpoints_become_while_internal_ones_stay_in_the_cluster()
    {
        var builder = NewBuilder();
        var api = builder.AddProject<TestProject>("api");
        var web = builder.AddProject<TestProject>("web").WithExternalHttpEndpoints();
        api.WithEnvironment("Callback", web.GetEndpoint("http").WithPath("/signin"));
        web.WithEnvironment("Api", api.GetEndpoint("http"));

        Publish.Model(builder, _directory, "--public-url", "https://airline.example.com");
        var manifests = Manifests.Load(_directory);

        Assert.Equal("airline.example.com", manifests.Single("Ingress", "web").Root.Text("spec", "rules", "0", "host"));
        Assert.Equal("https://airline.example.com/signin", manifests.Single("ConfigMap", "api-config").Root.Strings("data")["Callback"]);
        Assert.Equal("http://api:8080", manifests.Single("ConfigMap", "web-config").Root.Strings("data")["Api"]);
    }

    [Theory]
    [InlineData("--public-url", "airline.example.com")]
    [InlineData("--namespace", "Not_A_Label")]
    [InlineData("--otlp-endpoint", "collector:4317")]
    [InlineData("--colour", "blue")]
    public void A_bad_option_is_refused(string option, string value)
    {
        var builder = NewBuilder();

        Assert.Throws<DistributedApplicationException>(() => Publish.Model(builder, _directory, option, value));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    private static IDistributedApplicationBuilder NewBuilder() => DistributedApplication.CreateBuilder([]);

    private sealed class TestProject : IProjectMetadata
    {
        public string ProjectPath => "/src/Test/Test.csproj";

        public string TargetPath => "/src/Test/bin/Test.dll";
    }
}
