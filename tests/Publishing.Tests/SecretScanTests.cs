using System.Diagnostics;
using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests;

/// <summary>
/// No key, token or generated password is in the repository or in what <c>make publish</c> writes (but the
/// git-ignored <c>secrets.env</c>): the scan looks for private keys (PEM, or PKCS#8 as base64 on one line),
/// signed JWTs, and every value of the published <c>secrets.env</c>.
/// </summary>
public sealed partial class SecretScanTests(AppHostManifestsFixture published) : IClassFixture<AppHostManifestsFixture>
{
    [Fact]
    public async Task No_tracked_file_of_the_repository_holds_a_key_or_a_token()
    {
        var tracked = (await GitAsync("ls-files", "-z")).Split('\0', StringSplitOptions.RemoveEmptyEntries);

        var findings = tracked
            .Where(file => !file.EndsWith("package-lock.json", StringComparison.Ordinal))
            .Select(file => Path.Combine(TestPaths.RepositoryRoot, file))
            .Where(File.Exists)
            .SelectMany(file => Findings(file, File.ReadAllText(file)))
            .ToList();

        Assert.True(tracked.Length > 100, $"git ls-files listed only {tracked.Length} files.");
        Assert.DoesNotContain(tracked, file => Path.GetFileName(file) == "secrets.env");
        Assert.Empty(findings);
    }

    [Fact]
    public void What_publish_writes_outside_secrets_env_holds_no_key_token_or_password()
    {
        var secrets = File.ReadAllLines(Path.Combine(published.Directory, "secrets.env"))
            .Where(line => !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2)[1])
            .Where(value => value.Length > 0)
            .ToList();

        var findings = Directory.EnumerateFiles(published.Directory)
            .Where(file => Path.GetFileName(file) != "secrets.env")
            .Append(published.RenderedFile)
            .SelectMany(file =>
            {
                var text = File.ReadAllText(file);
                return Findings(file, text).Concat(secrets.Where(text.Contains).Select(_ => $"{file}: a value of secrets.env"));
            })
            .ToList();

        Assert.Equal(5, secrets.Count);
        Assert.Empty(findings);
    }

    private static IEnumerable<string> Findings(string file, string text) =>
        new[] { PemPrivateKey(), Pkcs8RsaKey(), SignedJwt() }
            .Select(pattern => pattern.Match(text))
            .Where(match => match.Success)
            .Select(match => $"{file}: {match.Value[..Math.Min(40, match.Value.Length)]}…");

    private static async Task<string> GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = TestPaths.RepositoryRoot, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.Equal(0, git.ExitCode);
        return output;
    }

    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PemPrivateKey();

    /// <summary>The DER start of a PKCS#8 RSA private key, base64: version 0 and the rsaEncryption algorithm.</summary>
    [GeneratedRegex("MII[A-Za-z0-9+/]{2}[A-Za-z0-9+/]IBADANBgkqhkiG9w0BAQEFAAS")]
    private static partial Regex Pkcs8RsaKey();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}")]
    private static partial Regex SignedJwt();
}
