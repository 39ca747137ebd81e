namespace Airline.Hosting;

/// <summary>The app model is invalid or could not be run; the message says what and why.</summary>
public sealed class DistributedApplicationException(string message, Exception? innerException = null) : Exception(message, innerException);
