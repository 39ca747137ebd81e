using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Orchestration;
using Airline.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Hosting.Tests;

public sealed class ParameterStoreTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_generated_secret_is_kept_across_runs_and_configuration_wins()
    {
        using var directory = new TemporaryDirectory("secrets");
        var file = Path.Combine(directory.Path, "parameters.json");
        var empty = new ConfigurationBuilder().Build();
        var password = new ParameterResource("mysql-password", secret: true);

        var first = new ParameterStore(empty, file).GetValue(password);
        var second = new ParameterStore(empty, file).GetValue(password);
        var configured = new ParameterStore(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Parameters:mysql-password"] = "fromconfig" }).Build(),
            file).GetValue(password);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.Equal("fromconfig", configured);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void A_missing_plain_parameter_says_how_to_set_it()
    {
        var store = new ParameterStore(new ConfigurationBuilder().Build(), secretsFile: null);

        var error = Assert.Throws<DistributedApplicationException>(() => store.GetValue(new ParameterResource("region", secret: false)));

        Assert.Contains("Parameters__region", error.Message);
    }

    [Fact]
    public void A_signing_key_parameter_is_an_rsa_private_key_generated_once()
    {
        using var directory = new TemporaryDirectory("secrets");
        var file = Path.Combine(directory.Path, "parameters.json");
        var empty = new ConfigurationBuilder().Build();
        var signingKey = TestApp.Builder().AddSigningKeyParameter("identity-signing-key").Resource;

        var first = new ParameterStore(empty, file).GetValue(signingKey);
        var second = new ParameterStore(empty, file).GetValue(signingKey);

        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(first), out _);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(first, second);
    }
}
