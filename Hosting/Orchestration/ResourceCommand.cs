namespace Airline.Hosting.Orchestration;

/// <summary>What the dashboard (or a test) can ask the orchestrator to do to one resource.</summary>
public enum ResourceCommand
{
    Stop,
    Start,
    Restart,
}
