using Airline.Hosting.Restarts;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Lifecycle;

namespace Aspire.Hosting;

public static class RestartPolicyBuilderExtensions
{
    /// <summary>
    /// Whether the resource's processes (every replica on its own) are started again when they exit on their own.
    /// Without it, servers, containers and projects restart <see cref="RestartPolicy.OnFailure"/> in run mode unless
    /// the configuration's <c>Restarts:Default</c> is <c>Never</c> (as the tests set it); executables never.
    /// </summary>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartPolicy policy)
        where T : IResource
    {
        builder.ApplicationBuilder.AddRestartSupervisor();
        return builder.WithAnnotation(new RestartPolicyAnnotation(policy), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Starts the supervisor that carries out restart policies, the default ones included; once per application.</summary>
    internal static IDistributedApplicationBuilder AddRestartSupervisor(this IDistributedApplicationBuilder builder)
    {
        builder.Services.TryAddEventingSubscriber<RestartSupervisor>();
        return builder;
    }
}
