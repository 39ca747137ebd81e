using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.RunSummary;

/// <summary>The projects whose URLs the run summary prints, the one to open first.</summary>
internal sealed record RunSummaryProjects(IReadOnlyList<ProjectResource> Projects);
