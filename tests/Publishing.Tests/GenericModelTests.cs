using Publishing.Tests.Support;

namespace Publishing.Tests;

/// <summary>Resources the AppHost does not use (or uses only where a container runtime answers), published from models built here.</summary>
public sealed class GenericModelTests : IDisposable
{
    private readonly string _directory = Path.Combine(TestPaths.NewTemporaryDirectory(), "k8s");

    [Fact]
    public async Task Where_containers_run_Aspires_Redis_and_the_MySQL_container_publish_as_the_same_stateful_sets()
    {
        await InProcessModel.PublishAsync(_directory, builder =>
        {
            var redis = builder.AddRedis("cache").WithDataVolume();
            var mysql = builder.AddMySql("db").WithDataVolume();
            var orders = mysql.AddDatabase("orders");
            builder.AddProject("billing", TestPaths.Project("Flights.Api")).WithReference(redis).WithReference(orders);
        }, "--BackingServers:Runtime", "container");
        var manifests = Manifests.Load(_directory);

        var redis = Assert.Single(Manifests.PodSpec(manifests.Single("StatefulSet", "cache")).Items("containers"));
        Assert.Contains("--appendfsync always", string.Join(' ', redis.Items("args").Select(arg => arg.ToString())));
        Assert.Equal("cache-password", Assert.Single(redis.Items("env")).Text("valueFrom", "secretKeyRef", "key"));
        Assert.Equal("data", Assert.Single(manifests.Single("StatefulSet", "db").Root.Items("spec", "volumeClaimTemplates")).Text("metadata", "name"));
        var billing = Assert.Single(Manifests.PodSpec(manifests.Single("Deployment", "billing")).Items("containers"))
            .Items("env").ToDictionary(variable => variable.Text("name"));
        Assert.Equal("cache:6379,password=$(CACHE_PASSWORD)", billing["ConnectionStrings__cache"].Text("value"));
        Assert.Equal("Server=db;Port=3306;User ID=root;Password=$(DB_PASSWORD);Database=orders", billing["ConnectionStrings__orders"].Text("value"));
        await SchemaValidator.ValidateAsync(_directory);
    }

    [Fact]
    public async Task A_server_without_a_data_volume_keeps_its_data_for_the_life_of_the_pod_and_every_database_is_created()
    {
        await InProcessModel.PublishAsync(_directory, builder =>
        {
            var mysql = builder.AddMySql("db");
            mysql.AddDatabase("orders");
            mysql.AddDatabase("audit", "audit_log");
        });
        var manifests = Manifests.Load(_directory);

        var statefulSet = manifests.Single("StatefulSet", "db").Root;
        Assert.Null(statefulSet.Find("spec", "volumeClaimTemplates"));
        Assert.Contains(statefulSet.Items("spec", "template", "spec", "volumes"), volume => volume.Text("name") == "data" && volume.Find("emptyDir") is not null);
        Assert.Equal("CREATE DATABASE IF NOT EXISTS `audit_log`;\n", manifests.Single("ConfigMap", "db-initdb").Root.Text("data", "databases.sql"));
        Assert.Equal("shop", manifests.Kustomization.Text("namespace"));
        await SchemaValidator.ValidateAsync(_directory);
        await Kustomize.RenderAsync(_directory);
    }

    [Fact]
    public async Task An_external_project_without_paths_gets_the_whole_ingress_and_an_internal_one_none()
    {
        await InProcessModel.PublishAsync(_directory, builder =>
        {
            var api = builder.AddProject("api", TestPaths.Project("Flights.Api"));
            Aspire.Hosting.ResourceBuilderExtensions.WithExternalHttpEndpoints(builder.AddProject("shop-web", TestPaths.Project("Web"))).WithReference(api);
        });
        var manifests = Manifests.Load(_directory);

        Assert.Equal("/", Assert.Single(manifests.Single("Ingress", "shop-web").Root.Items("spec", "rules", "0", "http", "paths")).Text("path"));
        Assert.DoesNotContain(manifests.Objects, item => item is { Kind: "Ingress", Name: "api" });
        Assert.Equal("http://api:8080", manifests.Single("ConfigMap", "shop-web-config").Root.Strings("data")["services__api__http__0"]);
    }

    [Fact]
    public async Task An_executable_is_not_published()
    {
        await InProcessModel.PublishAsync(_directory, builder => builder.AddExecutable("seed", "python3", ".", "seed.py"));

        Assert.False(File.Exists(Path.Combine(_directory, "kustomization.yaml")));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
}
