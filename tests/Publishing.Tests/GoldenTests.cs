using System.Text;
using Publishing.Tests.Support;

namespace Publishing.Tests;

/// <summary>
/// The whole output for the AppHost's model, as <c>make publish</c> writes it, against the files under
/// Golden/. After an intended change, accept the new output with <c>UPDATE_GOLDEN=1 dotnet test tests/Publishing.Tests</c>
/// and commit Golden/ (and deploy/k8s, rewritten by <c>make publish</c>).
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public async Task The_AppHost_publishes_the_golden_manifests()
    {
        var workingDirectory = TestPaths.NewTemporaryDirectory();
        try
        {
            var output = Path.Combine(workingDirectory, "k8s");
            var result = await Publish.AppHostAsync(output, Publish.MakefileSettings);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);

            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                if (Directory.Exists(TestPaths.Golden))
                {
                    Directory.Delete(TestPaths.Golden, recursive: true);
                }

                Directory.CreateDirectory(TestPaths.Golden);
                foreach (var (name, content) in Publish.Files(output, except: "secrets.env"))
                {
                    await File.WriteAllBytesAsync(Path.Combine(TestPaths.Golden, name), content);
                }
            }

            AssertSameFiles(TestPaths.Golden, output, "Set UPDATE_GOLDEN=1 and run the tests again to accept the new output.");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_committed_deploy_folder_is_what_make_publish_writes() =>
        AssertSameFiles(TestPaths.Golden, TestPaths.Deploy, "Run `make publish` and commit deploy/k8s.");

    private static void AssertSameFiles(string expectedDirectory, string actualDirectory, string remedy)
    {
        Assert.True(Directory.Exists(actualDirectory), $"{actualDirectory} does not exist. {remedy}");
        var expected = Publish.Files(expectedDirectory, except: "secrets.env");
        var actual = Publish.Files(actualDirectory, except: "secrets.env");

        var differences = expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(name => !expected.TryGetValue(name, out var left) || !actual.TryGetValue(name, out var right) || !left.AsSpan().SequenceEqual(right))
            .Select(name => !expected.ContainsKey(name) ? $"{name}: not expected"
                : !actual.ContainsKey(name) ? $"{name}: missing"
                : $"{name}: differs\n--- expected\n{Encoding.UTF8.GetString(expected[name])}--- actual\n{Encoding.UTF8.GetString(actual[name])}")
            .ToList();

        Assert.True(differences.Count == 0, $"{actualDirectory} differs from {expectedDirectory}. {remedy}\n{string.Join('\n', differences)}");
    }
}
