using System.Security.Cryptography;

namespace Airline.Hosting.Kubernetes.Publishing;

/// <summary>A key of the Secret, and how its value is made the first time it is written.</summary>
internal sealed record SecretKey(string Name, Func<string> InitialValue)
{
    public static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
