using Publishing.Tests.Support;

namespace Publishing.Tests;

/// <summary>The AppHost's publish mode, run as a process: it writes, says where, and starts nothing.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _workingDirectory = TestPaths.NewTemporaryDirectory();

    [Fact]
    public async Task Publish_writes_the_manifests_says_where_and_exits_0()
    {
        var result = await Publish.AppHostCommandAsync(_workingDirectory, "publish", "--publisher", "kubernetes", "--output-path", "out/k8s");

        Assert.True(result.ExitCode == 0, result.Error);
        var output = Path.Combine(_workingDirectory, "out", "k8s");
        Assert.Contains($"to {output}", result.Output);
        Assert.True(File.Exists(Path.Combine(output, "kustomization.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "secrets.env")));
        Assert.False(Directory.Exists(Path.Combine(_workingDirectory, ".state")));
    }

    [Theory]
    [InlineData("Unknown publisher 'helm'; available: kubernetes", "publish", "--publisher", "helm", "--output-path", "k8s")]
    [InlineData("Missing --output-path", "publish", "--publisher", "kubernetes")]
    [InlineData("Missing --publisher", "publish", "--output-path", "k8s")]
    [InlineData("Unknown option '--replicas'", "publish", "--publisher", "kubernetes", "--output-path", "k8s", "--replicas", "3")]
    [InlineData("Option '--tag' needs a value", "publish", "--publisher", "kubernetes", "--output-path", "k8s", "--tag")]
    public async Task A_bad_command_line_fails_with_a_clear_message_and_writes_nothing(string message, params string[] args)
    {
        var result = await Publish.AppHostCommandAsync(_workingDirectory, args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_workingDirectory));
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);
}
