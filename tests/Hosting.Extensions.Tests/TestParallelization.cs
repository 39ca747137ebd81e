// Each class starts its own orchestrator and servers: on two cores, one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
