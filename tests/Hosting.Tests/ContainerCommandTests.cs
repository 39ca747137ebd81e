using Airline.Hosting.Containers;

namespace Hosting.Tests;

public sealed class ContainerCommandTests
{
    [Fact]
    public void Run_publishes_on_loopback_only_and_orders_environment_for_repeatable_command_lines()
    {
        var spec = new ContainerSpec(
            "airline-1234-cache",
            "docker.io/library/redis:7.4",
            "airline-1234",
            [new PublishedPort(16379, 6379)],
            new Dictionary<string, string> { ["Z"] = "last", ["A"] = "first" },
            [new MountedVolume("airline-1234-cache-data", "/data")],
            ["redis-server", "--appendonly", "yes"]);

        Assert.Equal(
            [
                "run", "--detach", "--name", "airline-1234-cache", "--label", "airline.apphost=airline-1234",
                "--publish", "127.0.0.1:16379:6379",
                "--env", "A=first", "--env", "Z=last",
                "--volume", "airline-1234-cache-data:/data",
                "docker.io/library/redis:7.4", "redis-server", "--appendonly", "yes",
            ],
            ContainerCommand.Run(spec));
    }

    [Fact]
    public void Leftovers_are_found_by_the_AppHost_label()
    {
        Assert.Equal(["ps", "--all", "--quiet", "--filter", "label=airline.apphost=airline-1234"], ContainerCommand.ListByLabel("airline-1234"));
        Assert.Equal(["rm", "--force", "--time", "5", "airline-1234-cache"], ContainerCommand.Remove("airline-1234-cache"));
    }
}
