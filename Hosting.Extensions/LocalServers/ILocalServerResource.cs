namespace Airline.Hosting.LocalServers;

/// <summary>A backing server run as a process of this machine, with its data in a folder of its own.</summary>
public interface ILocalServerResource
{
    LocalServerData Data { get; }
}
