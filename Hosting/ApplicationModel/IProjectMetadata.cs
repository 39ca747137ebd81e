namespace Airline.Hosting.ApplicationModel;

/// <summary>
/// A .NET project the AppHost references; the build generates one class per reference in the
/// <c>Projects</c> namespace (<c>Projects.Flights_Api</c>) that implements this.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the .csproj.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the built assembly the AppHost runs with <c>dotnet</c>.</summary>
    string TargetPath { get; }
}
