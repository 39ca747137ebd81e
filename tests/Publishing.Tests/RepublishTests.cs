using Publishing.Tests.Support;

namespace Publishing.Tests;

public sealed class RepublishTests : IDisposable
{
    private readonly string _root = TestPaths.NewTemporaryDirectory();

    [Fact]
    public async Task Publishing_again_writes_the_same_bytes_and_keeps_the_generated_passwords()
    {
        var directory = Path.Combine(_root, "k8s");
        await PublishAsync(directory);
        var first = Publish.Files(directory);

        await PublishAsync(directory);

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
        await PublishAsync(one);
        await PublishAsync(two);

        Assert.Equal(Publish.Files(one, except: "secrets.env"), Publish.Files(two, except: "secrets.env"));
        Assert.NotEqual(File.ReadAllText(Path.Combine(one, "secrets.env")), File.ReadAllText(Path.Combine(two, "secrets.env")));
    }

    [Fact]
    public async Task Files_of_objects_no_longer_written_are_removed_and_files_the_publisher_did_not_write_are_kept()
    {
        var directory = Path.Combine(_root, "k8s");
        await PublishAsync(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "extra.yaml"), "# mine\n");
        var stale = Path.Combine(directory, "search-statefulset.yaml");
        await File.WriteAllTextAsync(stale, File.ReadLines(Path.Combine(directory, "redis-statefulset.yaml")).First() + "\nkind: StatefulSet\n");

        await PublishAsync(directory);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(directory, "flights-deployment.yaml")));
        Assert.True(File.Exists(Path.Combine(directory, "extra.yaml")));
    }

    private static async Task PublishAsync(string directory)
    {
        var result = await Publish.AppHostAsync(directory, Publish.MakefileSettings);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
