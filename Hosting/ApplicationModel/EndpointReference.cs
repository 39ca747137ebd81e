namespace Airline.Hosting.ApplicationModel;

/// <summary>
/// A URL on a project that is known only once it runs: its first replica's endpoint in run mode, its Service in
/// the cluster; <see cref="Path"/> is appended (e.g. a sign-in callback the identity service must know).
/// </summary>
public sealed record EndpointReference(ProjectResource Project, string Path = "")
{
    public EndpointReference WithPath(string path) =>
        path.StartsWith('/') ? this with { Path = path } : throw new ArgumentException($"'{path}' is not a path: it starts with '/'.", nameof(path));

    /// <summary>The URL on <paramref name="endpoint"/>, the project's endpoint where it runs.</summary>
    public string Resolve(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority) + Path;
}
