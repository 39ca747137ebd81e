using Airline.Hosting.Local;

namespace Hosting.Tests;

public sealed class ExecutableTests
{
    [Fact]
    public void A_missing_program_names_the_package_to_install()
    {
        var error = Assert.Throws<MissingPrerequisiteException>(() => Executable.Find("mariadb-server", "no-such-daemon-xyz"));

        Assert.Contains("no-such-daemon-xyz", error.Message);
        Assert.Contains("apt-get install -y mariadb-server", error.Message);
    }
}
