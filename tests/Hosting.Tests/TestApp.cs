using Airline.Hosting;
using Airline.Hosting.ApplicationModel;

namespace Hosting.Tests;

internal static class TestApp
{
    public static IDistributedApplicationBuilder Builder() =>
        new DistributedApplicationBuilder(new DistributedApplicationOptions
        {
            Args = [],
            AppHostAssembly = typeof(TestApp).Assembly,
            AppHostDirectory = Path.GetTempPath(),
            StateDirectory = Path.Combine(Path.GetTempPath(), "airline-tests", $"apphost-{Guid.NewGuid():N}"),
            KeepSecrets = false,
            Console = TextWriter.Null,
        });
}

internal sealed class TestProject : IProjectMetadata
{
    public string ProjectPath => "/src/Test/Test.csproj";

    public string TargetPath => "/src/Test/bin/Test.dll";
}
