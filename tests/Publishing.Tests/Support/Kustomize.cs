namespace Publishing.Tests.Support;

internal static class Kustomize
{
    /// <summary>What <c>kubectl apply -k</c> would send to the cluster, rendered offline.</summary>
    public static async Task<string> RenderAsync(string directory)
    {
        var result = await ExternalTool.RunAsync("kubectl", ["kustomize", directory], directory, TimeSpan.FromMinutes(1))
            ?? throw new InvalidOperationException(
                "kubectl is not installed: these tests render the manifests with `kubectl kustomize`; install the kubectl client " +
                "(e.g. the kubectl package from the Kubernetes apt repository, or a kubectl binary on the PATH).");
        Assert.True(result.ExitCode == 0, $"kubectl kustomize {directory} failed:\n{result.Error}");
        return result.Output;
    }
}
