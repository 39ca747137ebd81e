using Airline.Hosting.LocalServers;

namespace Hosting.Extensions.Tests;

public sealed class ExecutableTests
{
    [Fact]
    public void A_missing_server_program_is_said_in_one_line_with_the_package_that_brings_it()
    {
        var missing = Assert.Throws<MissingPrerequisiteException>(() => Executable.Find("some-server", "no-such-server"));

        Assert.Contains("no-such-server was not found", missing.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y some-server", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missing.Message);
    }
}
