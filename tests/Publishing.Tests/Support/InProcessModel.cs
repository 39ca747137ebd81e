namespace Publishing.Tests.Support;

/// <summary>A model built here, published by this repository's Kubernetes environment through Aspire's pipeline in this process.</summary>
internal static class InProcessModel
{
    public static async Task PublishAsync(string directory, Action<IDistributedApplicationBuilder> model, params string[] settings)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--operation", "publish", "--step", "publish", "--output-path", directory, .. settings],
            DisableDashboard = true,
        });
        builder.AddKubernetesEnvironment("shop");
        model(builder);
        using var app = builder.Build();
        await app.RunAsync();
    }
}
