// WebApplicationFactory finds a service's host through a process-wide hook: two factories of one service starting
// at the same time can take each other's host (one then listens on the default port). Classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
