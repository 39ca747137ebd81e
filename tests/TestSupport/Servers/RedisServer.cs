using Aspire.Hosting;

namespace Airline.TestSupport.Servers;

/// <summary>A private Redis with every write fsynced, as the AppHost runs it.</summary>
public sealed class RedisServer() : BackingServer("redis", builder => builder.AddRedis("redis"))
{
    /// <summary>The connection string in the format services read from <c>ConnectionStrings__redis</c>.</summary>
    public string ConnectionString => $"{Host}:{Port},password={Password}";
}
