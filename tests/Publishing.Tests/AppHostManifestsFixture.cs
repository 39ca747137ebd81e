using Publishing.Tests.Support;

namespace Publishing.Tests;

/// <summary>
/// The AppHost's model published once with known passwords already in <c>secrets.env</c>, and what
/// <c>kubectl kustomize</c> renders from it.
/// </summary>
public sealed class AppHostManifestsFixture : IAsyncLifetime
{
    public const string MySqlPassword = "KnownMySqlPassword0123456789";
    public const string RedisPassword = "KnownRedisPassword9876543210";

    private readonly string _root = TestPaths.NewTemporaryDirectory();

    public string Directory => Path.Combine(_root, "k8s");

    internal Manifests Manifests { get; private set; } = null!;

    public string RenderedFile => Path.Combine(_root, "rendered.yaml");

    public string Rendered { get; private set; } = "";

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(Path.Combine(Directory, "secrets.env"), $"mysql-password={MySqlPassword}\nredis-password={RedisPassword}\n");

        var published = await Publish.AppHostAsync(Directory, Publish.MakefileSettings);
        Assert.True(published.ExitCode == 0, published.Output + published.Error);
        Manifests = Manifests.Load(Directory);
        Rendered = await Kustomize.RenderAsync(Directory);
        await File.WriteAllTextAsync(RenderedFile, Rendered);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
