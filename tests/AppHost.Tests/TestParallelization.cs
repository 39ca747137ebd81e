// Each class here starts the whole system (MariaDB, Redis, four services); several at once on a 2-core machine
// make start-up and the failure timings they measure depend on each other. They run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
