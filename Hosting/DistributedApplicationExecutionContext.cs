namespace Airline.Hosting;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}

/// <summary>Whether the app model is being run (locally or under test) or published.</summary>
public sealed record DistributedApplicationExecutionContext(DistributedApplicationOperation Operation)
{
    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
