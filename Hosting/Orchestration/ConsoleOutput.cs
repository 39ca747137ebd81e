namespace Airline.Hosting.Orchestration;

/// <summary>A line a process wrote.</summary>
/// <param name="Source">The process: a resource, or one replica of it (<c>flights-1</c>).</param>
/// <param name="IsError">It was written to stderr.</param>
internal sealed record ConsoleOutput(string Source, string Text, bool IsError = false);
