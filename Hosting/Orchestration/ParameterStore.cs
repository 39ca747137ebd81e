using System.Security.Cryptography;
using System.Text.Json;
using Airline.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// Parameter values: configuration <c>Parameters:{name}</c> first; a secret nobody configured is generated
/// (by the parameter's own generator, else as a random password) once and kept in <paramref name="secretsFile"/> (under the user's home, never in the repository), or
/// only in memory when there is no file (tests).
/// </summary>
internal sealed class ParameterStore(IConfiguration configuration, string? secretsFile)
{
    private readonly Lock _gate = new();
    private Dictionary<string, string>? _secrets;

    public string GetValue(ParameterResource parameter)
    {
        if (configuration[$"Parameters:{parameter.Name}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        if (!parameter.Secret)
        {
            throw new DistributedApplicationException(
                $"Parameter '{parameter.Name}' has no value: set Parameters:{parameter.Name} in the AppHost's configuration " +
                $"(appsettings.json, or the environment variable Parameters__{parameter.Name}).");
        }

        lock (_gate)
        {
            _secrets ??= Load();
            if (!_secrets.TryGetValue(parameter.Name, out var value))
            {
                value = parameter.Generate?.Invoke() ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
                _secrets[parameter.Name] = value;
                Save(_secrets);
            }

            return value;
        }
    }

    private Dictionary<string, string> Load() =>
        secretsFile is not null && File.Exists(secretsFile)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(secretsFile)) ?? []
            : [];

    private void Save(Dictionary<string, string> secrets)
    {
        if (secretsFile is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(secretsFile)!);
        File.WriteAllText(secretsFile, JsonSerializer.Serialize(secrets));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secretsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
