using System.Text.RegularExpressions;

namespace Airline.Hosting.Dashboard.Resources;

/// <summary>Environment and connection strings as the browser may see them: passwords, keys and tokens masked.</summary>
internal static partial class SecretMasking
{
    public const string Mask = "••••••";

    public static string? Value(string name, string? value) => value switch
    {
        null => null,
        _ when SecretName().IsMatch(name) => Mask,
        _ when name == "OTEL_EXPORTER_OTLP_HEADERS" => HeaderValue().Replace(value, "${name}=" + Mask),
        _ => ConnectionString(value),
    };

    /// <summary>Masks <c>Password=…</c> (MySQL) and <c>password=…</c> (Redis) and their kin in a connection string.</summary>
    public static string ConnectionString(string value) => PasswordSetting().Replace(value, "${key}=" + Mask);

    [GeneratedRegex("password|passwd|secret|token|api_?key|access_?key|private_?key|key$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(?<name>[^=,]+)=[^,]*")]
    private static partial Regex HeaderValue();

    [GeneratedRegex("(?<key>password|pwd)=[^;,]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();
}
