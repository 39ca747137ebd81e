using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Restarts;

/// <summary>Whether the resource's processes are started again when they exit on their own.</summary>
public sealed record RestartPolicyAnnotation(RestartPolicy Policy) : IResourceAnnotation;
