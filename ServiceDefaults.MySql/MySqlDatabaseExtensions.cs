using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceDefaults.MySql;

public static class MySqlDatabaseExtensions
{
    /// <summary>
    /// A service's own MySQL database, <c>ConnectionStrings:{connectionName}</c>: a pooled <typeparamref name="TContext"/>
    /// on it whose outages answer 503, created, migrated and seeded by <typeparamref name="TSeeder"/> before the
    /// service listens (one replica at a time), and a readiness check.
    /// </summary>
    /// <param name="configure">More options of the context, such as a library's entities.</param>
    public static IHostApplicationBuilder AddMySqlDatabase<TContext, TSeeder>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TSeeder : class, IDatabaseSeeder<TContext>
    {
        var services = builder.Services;
        services.AddSingleton(serviceProvider => new MySqlDatabase<TContext>(serviceProvider.GetRequiredService<IConfiguration>(), connectionName));

        // The pool builds its options once, on first use: after the initializer has waited for the server to
        // answer, so the version is detected once, from the server actually configured.
        services.AddDbContextPool<TContext>((serviceProvider, options) =>
        {
            var connectionString = serviceProvider.GetRequiredService<MySqlDatabase<TContext>>().ConnectionString;
            options.UseMySql(connectionString, ServerVersion.AutoDetect(connectionString))
                .AddInterceptors(new MySqlUnavailableInterceptor(serviceProvider.GetRequiredService<DependencyOutages>()));
            configure?.Invoke(options);
        });

        services.AddScoped<IDatabaseSeeder<TContext>, TSeeder>();
        services.AddHostedService<MySqlDatabaseInitializer<TContext>>();
        services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: ["ready"]);

        return builder;
    }
}
