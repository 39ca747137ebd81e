using System.Globalization;

namespace Airline.Hosting.BackingServices;

/// <summary>Connection strings in the formats the services read (ARCHITECTURE.md).</summary>
public static class ConnectionStrings
{
    public static string MySql(string host, int port, string password, string? database = null) =>
        string.Create(CultureInfo.InvariantCulture, $"Server={host};Port={port};User ID=root;Password={password}")
        + (database is null ? string.Empty : $";Database={database}");

    public static string Redis(string host, int port, string password) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}:{port},password={password}");
}
