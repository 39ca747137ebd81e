using Microsoft.EntityFrameworkCore;

namespace ServiceDefaults.MySql;

/// <summary>What a service puts into its database at every start-up, after the migrations, under the migration lock.</summary>
public interface IDatabaseSeeder<in TContext> where TContext : DbContext
{
    /// <summary>The name of the step's root span in the traces, such as <c>seed demo flights</c>.</summary>
    string StepName { get; }

    /// <returns>What it did, for the log line that says the database is ready.</returns>
    Task<string> SeedAsync(TContext context, CancellationToken cancellationToken);
}
