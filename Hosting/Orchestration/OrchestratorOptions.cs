namespace Airline.Hosting.Orchestration;

internal sealed class OrchestratorOptions
{
    /// <summary>Where servers keep their data and the AppHost its process ledger.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Generated secrets are kept here; null keeps them in memory only.</summary>
    public string? SecretsFile { get; init; }

    /// <summary>The environment name given to every project.</summary>
    public required string EnvironmentName { get; init; }

    public TextWriter Console { get; init; } = System.Console.Out;

    /// <summary>Delete the state folder when the application is disposed (test runs).</summary>
    public bool DeleteStateOnDispose { get; init; }
}
