using Publishing.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Publishing.Tests;

/// <summary>What the manifests of the AppHost's model say, checked object by object.</summary>
public sealed class ManifestTests(AppHostManifestsFixture published) : IClassFixture<AppHostManifestsFixture>
{
    private readonly Manifests _manifests = published.Manifests;

    [Fact]
    public async Task Every_object_and_every_rendered_object_validates_against_the_Kubernetes_schema() =>
        await SchemaValidator.ValidateAsync(published.Directory, published.RenderedFile);

    [Fact]
    public void Kustomize_renders_every_object_into_the_namespace_and_generates_the_secret_the_pods_reference()
    {
        var documents = new YamlStream();
        documents.Load(new StringReader(published.Rendered));
        var rendered = documents.Documents.Select(document => document.RootNode).ToList();

        Assert.Equal(_manifests.Objects.Count + 1, rendered.Count);
        Assert.All(rendered.Where(node => node.Text("kind") != "Namespace"), node => Assert.Equal("airline", node.Text("metadata", "namespace")));
        var secret = Assert.Single(rendered, node => node.Text("kind") == "Secret");
        Assert.StartsWith("secrets-", secret.Text("metadata", "name"));
        Assert.Equal(
            ["gateway-client-secret", "identity-encryption-key", "identity-signing-key", "mysql-password", "redis-password"],
            secret.Strings("data").Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"name: {secret.Text("metadata", "name")}", published.Rendered);
        Assert.DoesNotContain("name: secrets\n", published.Rendered);
        Assert.Equal(
            _manifests.Objects.Select(item => item.File).Order(StringComparer.Ordinal),
            _manifests.Kustomization.Items("resources").Select(item => ((YamlScalarNode)item).Value!));
    }

    [Fact]
    public void The_namespace_enforces_the_restricted_pod_security_standard()
    {
        var ns = _manifests.Single("Namespace", "airline");
        Assert.Equal("restricted", ns.Root.Text("metadata", "labels", "pod-security.kubernetes.io/enforce"));
        Assert.Equal("airline", _manifests.Kustomization.Text("namespace"));
    }

    [Fact]
    public void Selectors_match_the_labels_of_the_pods_they_mean()
    {
        var pods = _manifests.Workloads().ToDictionary(item => item.Name, item => item.Root.Strings("spec", "template", "metadata", "labels"));
        foreach (var workload in _manifests.Workloads())
        {
            Assert.True(Matches(workload.Root.Strings("spec", "selector", "matchLabels"), pods[workload.Name]), workload.File);
        }

        foreach (var selecting in _manifests.OfKind("Service").Select(item => (item.File, Labels: item.Root.Strings("spec", "selector")))
            .Concat(_manifests.OfKind("PodDisruptionBudget").Select(item => (item.File, Labels: item.Root.Strings("spec", "selector", "matchLabels"))))
            .Concat(_manifests.OfKind("NetworkPolicy").Select(item => (item.File, Labels: item.Root.Strings("spec", "podSelector", "matchLabels")))
                .Where(policy => policy.Labels.Count > 0)))
        {
            Assert.True(pods.Values.Count(labels => Matches(selecting.Labels, labels)) == 1, $"{selecting.File} selects no pod or several kinds of pods");
        }

        foreach (var autoscaler in _manifests.OfKind("HorizontalPodAutoscaler"))
        {
            _manifests.Single(autoscaler.Root.Text("spec", "scaleTargetRef", "kind"), autoscaler.Root.Text("spec", "scaleTargetRef", "name"));
        }
    }

    [Fact]
    public void Service_ports_target_ports_the_containers_listen_on()
    {
        foreach (var service in _manifests.OfKind("Service"))
        {
            var workload = _manifests.Workloads().Single(item => Matches(service.Root.Strings("spec", "selector"), item.Root.Strings("spec", "template", "metadata", "labels")));
            var containerPorts = Manifests.PodSpec(workload).Items("containers").SelectMany(container => container.Items("ports")).ToList();
            foreach (var port in service.Root.Items("spec", "ports"))
            {
                var target = port.Text("targetPort");
                var containerPort = Assert.Single(containerPorts, candidate => candidate.Text("name") == target || candidate.Text("containerPort") == target);
                Assert.Equal(port.Text("port"), containerPort.Text("containerPort"));
            }
        }
    }

    [Fact]
    public void Every_secret_and_config_map_key_a_pod_reads_exists()
    {
        var secretKeys = _manifests.GeneratedSecretKeys();
        var configMaps = _manifests.OfKind("ConfigMap").ToDictionary(item => item.Name, item => item.Root.Strings("data"));
        foreach (var container in _manifests.Workloads().SelectMany(workload => Manifests.PodSpec(workload).Items("containers")))
        {
            foreach (var variable in container.Items("env"))
            {
                if (variable.Find("valueFrom", "secretKeyRef") is { } secretRef)
                {
                    Assert.Contains(secretRef.Text("key"), secretKeys[secretRef.Text("name")]);
                }

                if (variable.Find("valueFrom", "configMapKeyRef") is { } configRef)
                {
                    Assert.Contains(configRef.Text("key"), configMaps[configRef.Text("name")].Keys);
                }
            }

            foreach (var source in container.Items("envFrom"))
            {
                Assert.Contains(source.Text("configMapRef", "name"), configMaps.Keys);
            }
        }
    }

    [Fact]
    public void A_variable_interpolates_only_variables_declared_before_it()
    {
        foreach (var container in _manifests.Workloads().SelectMany(workload => Manifests.PodSpec(workload).Items("containers")))
        {
            var declared = new HashSet<string>();
            foreach (var variable in container.Items("env"))
            {
                foreach (System.Text.RegularExpressions.Match used in System.Text.RegularExpressions.Regex.Matches(variable.TextOrNull("value") ?? "", @"\$\(([A-Za-z0-9_]+)\)"))
                {
                    Assert.Contains(used.Groups[1].Value, declared);
                }

                declared.Add(variable.Text("name"));
            }

            foreach (var argument in container.Items("args").Select(arg => ((YamlScalarNode)arg).Value!))
            {
                foreach (System.Text.RegularExpressions.Match used in System.Text.RegularExpressions.Regex.Matches(argument, @"\$\(([A-Za-z0-9_]+)\)"))
                {
                    Assert.Contains(used.Groups[1].Value, declared);
                }
            }
        }
    }

    [Fact]
    public void Every_workload_is_probed_limited_and_hardened()
    {
        Assert.Equal(["flights", "gateway", "identity", "mysql", "redis", "reservations", "web"], _manifests.Workloads().Select(item => item.Name).Order());
        foreach (var workload in _manifests.Workloads())
        {
            var pod = Manifests.PodSpec(workload);
            Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", pod.Text("securityContext", "runAsUser"));
            Assert.Equal("RuntimeDefault", pod.Text("securityContext", "seccompProfile", "type"));
            Assert.Equal("false", pod.Text("automountServiceAccountToken"));
            foreach (var container in pod.Items("containers"))
            {
                foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
                {
                    Assert.True(container.Find(probe) is not null, $"{workload.File}: no {probe}");
                }

                foreach (var resource in new[] { "cpu", "memory" })
                {
                    container.Get("resources", "requests", resource);
                    container.Get("resources", "limits", resource);
                }

                Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
                Assert.Equal("true", container.Text("securityContext", "readOnlyRootFilesystem"));
                Assert.Equal(["ALL"], container.Items("securityContext", "capabilities", "drop").Select(item => ((YamlScalarNode)item).Value));
                Assert.Contains(container.Items("volumeMounts"), mount => mount.Text("mountPath") == "/tmp");
            }
        }
    }

    [Theory]
    [InlineData("flights", "/health")]
    [InlineData("reservations", "/health")]
    [InlineData("gateway", "/health")]
    [InlineData("identity", "/health")]
    [InlineData("web", "/health")]
    public void Projects_run_their_image_as_the_dotnet_app_user_and_are_probed_on_their_health_endpoints(string project, string readinessPath)
    {
        var container = Assert.Single(Manifests.PodSpec(_manifests.Single("Deployment", project)).Items("containers"));

        Assert.Equal($"localhost:5000/{project}:latest", container.Text("image"));
        Assert.Equal("1654", Manifests.PodSpec(_manifests.Single("Deployment", project)).Text("securityContext", "runAsUser"));
        Assert.Equal("8080", Assert.Single(container.Items("ports")).Text("containerPort"));
        Assert.Equal("/alive", container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("/alive", container.Text("startupProbe", "httpGet", "path"));
        Assert.Equal(readinessPath, container.Text("readinessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Projects_get_the_settings_of_the_architecture_with_cluster_DNS_names()
    {
        var gateway = _manifests.Single("ConfigMap", "gateway-config").Root.Strings("data");
        Assert.Equal("http://flights:8080", gateway["services__flights__http__0"]);
        Assert.Equal("http://reservations:8080", gateway["services__reservations__http__0"]);
        Assert.Equal("redis:6379,password=$(REDIS_PASSWORD)", Environment("gateway")["ConnectionStrings__redis"].TextOrNull("value"));
        Assert.Equal("http://+:8080", gateway["ASPNETCORE_URLS"]);
        Assert.Equal("Production", gateway["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("gateway", gateway["OTEL_SERVICE_NAME"]);
        Assert.Equal("http://otel-collector.observability.svc.cluster.local:4317", gateway["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var flights = Environment("flights");
        Assert.Equal("Server=mysql;Port=3306;User ID=root;Password=$(MYSQL_PASSWORD);Database=flightsdb", flights["ConnectionStrings__flightsdb"].TextOrNull("value"));
        Assert.Equal("mysql-password", flights["MYSQL_PASSWORD"].Text("valueFrom", "secretKeyRef", "key"));
        Assert.Equal("service.instance.id=$(POD_NAME)", flights["OTEL_RESOURCE_ATTRIBUTES"].TextOrNull("value"));

        var reservations = Environment("reservations");
        Assert.Equal("redis:6379,password=$(REDIS_PASSWORD)", reservations["ConnectionStrings__redis"].TextOrNull("value"));
        Assert.Equal("redis-password", reservations["REDIS_PASSWORD"].Text("valueFrom", "secretKeyRef", "key"));
        Assert.DoesNotContain("MYSQL_PASSWORD", reservations.Keys);
        Assert.DoesNotContain("REDIS_PASSWORD", flights.Keys);
    }

    [Fact]
    public void Replicas_come_from_the_model_and_stateless_projects_autoscale_and_have_disruption_budgets()
    {
        foreach (var (project, replicas) in new[] { ("flights", 2), ("reservations", 1), ("gateway", 1), ("identity", 1), ("web", 1) })
        {
            Assert.Equal(replicas, _manifests.Single("Deployment", project).Root.Number("spec", "replicas"));
            var autoscaler = _manifests.Single("HorizontalPodAutoscaler", project).Root;
            Assert.Equal("autoscaling/v2", autoscaler.Text("apiVersion"));
            Assert.Equal(replicas, autoscaler.Number("spec", "minReplicas"));
            Assert.True(autoscaler.Number("spec", "maxReplicas") > replicas);
            Assert.Equal("1", _manifests.Single("PodDisruptionBudget", project).Root.Text("spec", "maxUnavailable"));
        }

        Assert.Equal(5, _manifests.OfKind("HorizontalPodAutoscaler").Count());
        Assert.Equal(5, _manifests.OfKind("PodDisruptionBudget").Count());
    }

    [Fact]
    public void MySQL_keeps_its_data_on_a_claim_creates_the_database_and_takes_its_password_from_the_secret()
    {
        var mysql = _manifests.Single("StatefulSet", "mysql").Root;
        var container = Assert.Single(mysql.Items("spec", "template", "spec", "containers"));
        var environment = container.Items("env").ToDictionary(variable => variable.Text("name"));

        Assert.Equal("mysql:8.4", container.Text("image"));
        Assert.Equal("flightsdb", environment["MYSQL_DATABASE"].Text("value"));
        Assert.Equal("mysql-password", environment["MYSQL_ROOT_PASSWORD"].Text("valueFrom", "secretKeyRef", "key"));
        Assert.Equal("data", Assert.Single(mysql.Items("spec", "volumeClaimTemplates")).Text("metadata", "name"));
        Assert.Contains(container.Items("volumeMounts"), mount => mount.Text("name") == "data" && mount.Text("mountPath") == "/var/lib/mysql");
        Assert.Equal("--datadir=/var/lib/mysql/data", ((YamlScalarNode)Assert.Single(container.Items("args"))).Value);
        Assert.Equal("None", _manifests.Single("Service", "mysql").Root.Text("spec", "clusterIP"));
    }

    [Fact]
    public void Redis_appends_and_fsyncs_every_write_to_a_claim_and_requires_the_password_from_the_secret()
    {
        var redis = _manifests.Single("StatefulSet", "redis").Root;
        var container = Assert.Single(redis.Items("spec", "template", "spec", "containers"));
        var args = string.Join(' ', container.Items("args").Select(arg => ((YamlScalarNode)arg).Value));

        Assert.Equal("redis:7.4", container.Text("image"));
        Assert.Contains("--appendonly yes --appendfsync always", args);
        Assert.Contains("--requirepass $(REDIS_PASSWORD)", args);
        Assert.Equal("redis-password", Assert.Single(container.Items("env")).Text("valueFrom", "secretKeyRef", "key"));
        Assert.Equal("data", Assert.Single(redis.Items("spec", "volumeClaimTemplates")).Text("metadata", "name"));
        Assert.Contains(container.Items("volumeMounts"), mount => mount.Text("name") == "data" && mount.Text("mountPath") == "/data");
        Assert.Equal("None", _manifests.Single("Service", "redis").Root.Text("spec", "clusterIP"));
    }

    [Fact]
    public void Only_the_web_app_the_gateway_and_the_identity_service_are_reachable_from_outside_each_on_its_own_paths()
    {
        var routes = _manifests.OfKind("Ingress").SelectMany(ingress =>
        {
            Assert.Equal("nginx", ingress.Root.Text("spec", "ingressClassName"));
            return Assert.Single(ingress.Root.Items("spec", "rules")).Items("http", "paths").Select(path =>
            {
                var backend = path.Get("backend", "service");
                Assert.Contains(_manifests.Single("Service", backend.Text("name")).Root.Items("spec", "ports"),
                    port => port.Text("name") == backend.Text("port", "name"));
                return $"{path.Text("path")} -> {backend.Text("name")}";
            });
        });

        Assert.Equal(["/ -> web", "/.well-known -> identity", "/account -> identity", "/api -> gateway", "/connect -> identity", "/flights -> gateway"], routes.Order(StringComparer.Ordinal));
        Assert.All(_manifests.OfKind("Service"), service => Assert.Equal("ClusterIP", service.Root.Text("spec", "type")));
    }

    [Fact]
    public void No_secret_value_is_written_anywhere_but_the_git_ignored_env_file()
    {
        var secrets = File.ReadAllLines(Path.Combine(published.Directory, "secrets.env"))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        foreach (var file in Directory.EnumerateFiles(published.Directory).Where(file => Path.GetFileName(file) != "secrets.env"))
        {
            var text = File.ReadAllText(file);
            Assert.All(secrets.Values, secret => Assert.DoesNotContain(secret, text));
        }

        Assert.Equal("secrets.env\n", File.ReadAllText(Path.Combine(published.Directory, ".gitignore")));
        Assert.Equal(AppHostManifestsFixture.MySqlPassword, secrets["mysql-password"]);
        Assert.Equal(AppHostManifestsFixture.RedisPassword, secrets["redis-password"]);
        Assert.Equal(["gateway-client-secret", "identity-encryption-key", "identity-signing-key", "mysql-password", "redis-password"],
            secrets.Keys.Order(StringComparer.Ordinal));
        using var signingKey = System.Security.Cryptography.RSA.Create();
        signingKey.ImportPkcs8PrivateKey(Convert.FromBase64String(secrets["identity-signing-key"]), out _);
        Assert.DoesNotContain(_manifests.Objects, item => item.Kind == "Secret");
    }

    [Fact]
    public void Network_policies_deny_everything_but_the_paths_of_the_app_model()
    {
        var defaultDeny = _manifests.Single("NetworkPolicy", "default-deny").Root;
        Assert.Empty(defaultDeny.Strings("spec", "podSelector"));
        Assert.Equal(["Ingress", "Egress"], defaultDeny.Items("spec", "policyTypes").Select(item => ((YamlScalarNode)item).Value));
        Assert.Null(defaultDeny.Find("spec", "ingress"));
        Assert.Null(defaultDeny.Find("spec", "egress"));

        var dns = _manifests.Single("NetworkPolicy", "allow-dns").Root;
        Assert.Empty(dns.Strings("spec", "podSelector"));
        Assert.Equal(
            ["kube-system/k8s-app=kube-dns UDP/53", "kube-system/k8s-app=kube-dns TCP/53"],
            Rules(dns, "egress", "to"));

        string[] expected =
        [
            "web <- ingress-nginx TCP/8080",
            "web -> gateway TCP/8080",
            "web -> identity TCP/8080",
            "web -> observability TCP/4317",
            "gateway <- ingress-nginx TCP/8080",
            "gateway <- web TCP/8080",
            "identity <- web TCP/8080",
            "gateway -> flights TCP/8080",
            "gateway -> reservations TCP/8080",
            "gateway -> identity TCP/8080",
            "gateway -> redis TCP/6379",
            "identity <- ingress-nginx TCP/8080",
            "identity <- gateway TCP/8080",
            "identity <- reservations TCP/8080",
            "identity -> mysql TCP/3306",
            "identity -> observability TCP/4317",
            "reservations -> identity TCP/8080",
            "mysql <- identity TCP/3306",
            "gateway -> observability TCP/4317",
            "flights <- gateway TCP/8080",
            "flights -> mysql TCP/3306",
            "flights -> observability TCP/4317",
            "reservations <- gateway TCP/8080",
            "reservations -> redis TCP/6379",
            "reservations -> observability TCP/4317",
            "mysql <- flights TCP/3306",
            "redis <- reservations TCP/6379",
            "redis <- gateway TCP/6379",
        ];
        var allowed = _manifests.OfKind("NetworkPolicy")
            .Where(policy => policy.Name.StartsWith("allow-", StringComparison.Ordinal) && policy.Name != "allow-dns")
            .SelectMany(policy =>
            {
                var pods = policy.Root.Text("spec", "podSelector", "matchLabels", "app.kubernetes.io/name");
                return Rules(policy.Root, "ingress", "from").Select(rule => $"{pods} <- {rule}")
                    .Concat(Rules(policy.Root, "egress", "to").Select(rule => $"{pods} -> {rule}"));
            });

        Assert.Equal(expected.Order(), allowed.Order());
    }

    private Dictionary<string, YamlNode> Environment(string project) =>
        Assert.Single(Manifests.PodSpec(_manifests.Single("Deployment", project)).Items("containers"))
            .Items("env").ToDictionary(variable => variable.Text("name"));

    /// <summary>Each rule as "peer PROTOCOL/port": a peer is a pod name, a namespace, or namespace/label=value.</summary>
    private static IEnumerable<string> Rules(YamlNode policy, string direction, string peers) =>
        policy.Items("spec", direction).SelectMany(rule =>
            rule.Items(peers).SelectMany(peer => rule.Items("ports").Select(port => $"{Peer(peer)} {port.Text("protocol")}/{port.Text("port")}")));

    private static string Peer(YamlNode peer)
    {
        var ns = peer.TextOrNull("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
        var pods = peer.Strings("podSelector", "matchLabels");
        return (ns, pods.Count) switch
        {
            (null, _) => pods["app.kubernetes.io/name"],
            (_, 0) => ns,
            _ => $"{ns}/{string.Join(',', pods.Select(label => $"{label.Key}={label.Value}"))}",
        };
    }

    private static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
