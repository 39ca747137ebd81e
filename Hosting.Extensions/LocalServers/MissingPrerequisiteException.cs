namespace Airline.Hosting.LocalServers;

/// <summary>A program the system needs is not installed; the message says which and how to get it.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
