namespace Publishing.Tests.Support;

/// <summary>
/// Validates objects against the Kubernetes OpenAPI schema with the npm package kubernetes-models, run by
/// <c>validate.mjs</c> beside the tests; installs it from package-lock.json the first time.
/// </summary>
internal static class SchemaValidator
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task ValidateAsync(params string[] paths)
    {
        await EnsureInstalledAsync();
        var result = await ExternalTool.RunAsync("node", ["validate.mjs", .. paths], TestPaths.ProjectDirectory, TimeSpan.FromMinutes(2))
            ?? throw new InvalidOperationException("node is not installed: install Node.js 20 or later (apt-get install nodejs npm).");
        Assert.True(result.ExitCode == 0, $"Kubernetes schema validation failed:\n{result.Output}{result.Error}");
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(TestPaths.ProjectDirectory, "node_modules", "kubernetes-models")))
            {
                return;
            }

            var result = await ExternalTool.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TestPaths.ProjectDirectory, TimeSpan.FromMinutes(5))
                ?? throw new InvalidOperationException("npm is not installed: install Node.js 20 or later with npm (apt-get install nodejs npm).");
            Assert.True(result.ExitCode == 0, $"npm ci failed:\n{result.Output}{result.Error}");
        }
        finally
        {
            Install.Release();
        }
    }
}
