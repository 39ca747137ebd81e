// Each test starts its own orchestrator and containers: on two cores, one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
