namespace Airline.Hosting.Kubernetes.Model;

/// <summary>The workloads a workload connects to, and whether it is reached from outside the cluster.</summary>
internal sealed record WorkloadConnections(Workload Workload, IReadOnlyList<Workload> Reaches, bool IsExternal);
