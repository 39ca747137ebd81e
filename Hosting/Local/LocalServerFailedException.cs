namespace Airline.Hosting.Local;

/// <summary>A local backing server exited or never answered; the message carries its last output lines.</summary>
public sealed class LocalServerFailedException(string message) : Exception(message);
