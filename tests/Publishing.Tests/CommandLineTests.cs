using Publishing.Tests.Support;

namespace Publishing.Tests;

/// <summary><c>make publish</c> and <c>aspire publish</c>: the AppHost's publish step, run as a process, with the Makefile's settings.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _root = TestPaths.NewTemporaryDirectory();

    [Fact]
    public async Task The_AppHosts_publish_step_and_aspire_publish_write_the_same_manifests_and_say_where()
    {
        var (make, aspire) = (Path.Combine(_root, "make"), Path.Combine(_root, "aspire"));

        var made = await Publish.AppHostAsync(make, Publish.MakefileSettings);
        var published = await Publish.AspireCliAsync(aspire, Publish.MakefileSettings);

        Assert.True(made.ExitCode == 0, made.Output + made.Error);
        Assert.True(published.ExitCode == 0, published.Output + published.Error);
        Assert.Contains($"Kubernetes objects to {make}", made.Output);
        Assert.Equal(Publish.Files(make, except: "secrets.env"), Publish.Files(aspire, except: "secrets.env"));
        Assert.True(File.Exists(Path.Combine(aspire, "secrets.env")));
    }

    [Fact]
    public async Task The_settings_name_the_namespace_images_ingress_collector_and_public_address()
    {
        var directory = Path.Combine(_root, "k8s");
        var result = await Publish.AppHostAsync(directory,
            "--Kubernetes:Namespace", "shop", "--Kubernetes:Registry", "ghcr.io/acme/", "--Kubernetes:Tag", "1.4.2",
            "--Kubernetes:IngressClass", "traefik", "--Kubernetes:IngressNamespace", "traefik",
            "--Kubernetes:OtlpEndpoint", "http://collector:4318", "--Kubernetes:Environment", "Staging",
            "--Kubernetes:PublicUrl", "https://airline.example.com");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var manifests = Manifests.Load(directory);

        Assert.Equal("shop", manifests.Kustomization.Text("namespace"));
        Assert.Equal("ghcr.io/acme/web:1.4.2", Assert.Single(Manifests.PodSpec(manifests.Single("Deployment", "web")).Items("containers")).Text("image"));
        Assert.Equal("traefik", manifests.Single("Ingress", "web").Root.Text("spec", "ingressClassName"));
        Assert.Equal("airline.example.com", manifests.Single("Ingress", "web").Root.Text("spec", "rules", "0", "host"));
        var web = manifests.Single("ConfigMap", "web-config").Root.Strings("data");
        Assert.Equal("http://collector:4318", web["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", web["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("Staging", web["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("https://airline.example.com", web["Identity__Issuer"]);
        Assert.Equal("http://gateway:8080", web["services__gateway__http__0"]);
        var identity = manifests.Single("ConfigMap", "identity-config").Root.Strings("data");
        Assert.Equal("https://airline.example.com/signin-oidc", identity["Identity__WebRedirectUris__0"]);
        Assert.Equal("traefik", manifests.Single("NetworkPolicy", "allow-web").Root
            .Text("spec", "ingress", "0", "from", "0", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
    }

    [Theory]
    [InlineData("Unknown setting 'Kubernetes:Colour'", "--Kubernetes:Colour", "blue")]
    [InlineData("Kubernetes:PublicUrl must be an absolute http(s) URL", "--Kubernetes:PublicUrl", "airline.example.com")]
    [InlineData("'Not_A_Label' is not a valid Kubernetes:Namespace", "--Kubernetes:Namespace", "Not_A_Label")]
    public async Task A_bad_setting_fails_with_a_clear_message_and_writes_nothing(string message, params string[] settings)
    {
        var directory = Path.Combine(_root, "k8s");

        var result = await Publish.AspireCliAsync(directory, settings);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error);
        Assert.False(Directory.Exists(directory));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
