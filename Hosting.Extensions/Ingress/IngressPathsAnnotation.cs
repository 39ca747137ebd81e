using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.Ingress;

/// <summary>The path prefixes the Ingress routes to an external project when the model is published.</summary>
public sealed record IngressPathsAnnotation(IReadOnlyList<string> Paths) : IResourceAnnotation;
