using Publishing.Tests.Support;

namespace Publishing.Tests;

public sealed class RepublishTests : IDisposable
{
    private readonly string _root = TestPaths.NewTemporaryDirectory();

    [Fact]
    public async Task Publishing_again_writes_the_same_bytes_and_keeps_the_generated_passwords()
    {
        var directory = Path.Combine(_root, "k8s");
        Publish.Model(await Publish.AppHostModelAsync(), directory, Publish.MakefileOptions);
        var first = Publish.Files(directory);

        Publish.Model(await Publish.AppHostModelAsync(), directory, Publish.MakefileOptions);

        Assert.Equal(first, Publish.Files(directory));
        Assert.Matches(
            "^# .*\ngateway-client-secret=[0-9a-f]{48}\nidentity-encryption-key=[0-9a-f]{48}\nidentity-signing-key=[A-Za-z0-9+/]+=*\n" +
            "mysql-password=[0-9a-f]{48}\nredis-password=[0-9a-f]{48}\n$",
            File.ReadAllText(Path.Combine(directory, "secrets.env")));
    }

    [Fact]
    public async Task Another_folder_gets_the_same_manifests_and_passwords_of_its_own()
    {
        var (one, two) = (Path.Combine(_root, "one"), Path.Combine(_root, "two"));
        Publish.Model(await Publish.AppHostModelAsync(), one, Publish.MakefileOptions);
        Publish.Model(await Publish.AppHostModelAsync(), two, Publish.MakefileOptions);

        Assert.Equal(Publish.Files(one, except: "secrets.env"), Publish.Files(two, except: "secrets.env"));
        Assert.NotEqual(File.ReadAllText(Path.Combine(one, "secrets.env")), File.ReadAllText(Path.Combine(two, "secrets.env")));
    }

    [Fact]
    public async Task Objects_that_left_the_model_are_removed_and_files_the_publisher_did_not_write_are_kept()
    {
        var directory = Path.Combine(_root, "k8s");
        var builder = await Publish.AppHostModelAsync();
        Publish.Model(builder, directory, Publish.MakefileOptions);
        await File.WriteAllTextAsync(Path.Combine(directory, "extra.yaml"), "# mine\n");

        var web = builder.Resources.Single(resource => resource.Name == "web");
        builder.Resources.Remove(web);
        Publish.Model(builder, directory, Publish.MakefileOptions);

        Assert.False(File.Exists(Path.Combine(directory, "web-deployment.yaml")));
        Assert.False(File.Exists(Path.Combine(directory, "web-ingress.yaml")));
        Assert.True(File.Exists(Path.Combine(directory, "flights-deployment.yaml")));
        Assert.True(File.Exists(Path.Combine(directory, "extra.yaml")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
