namespace Airline.Hosting.ApplicationModel;

/// <summary>Something the app model runs or points at: a project, a database server, a parameter.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource others reach through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString : IResource;

/// <summary>A resource others reach through service discovery (<c>services__{Name}__http__{i}</c>).</summary>
public interface IResourceWithServiceDiscovery : IResource;

/// <summary>A resource that lives inside another one (a database inside its server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
