using Airline.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting;

public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IHostEnvironment Environment { get; }

    IServiceCollection Services { get; }

    /// <summary>The folder of the AppHost project; run-mode state lives in its <c>.state</c> folder.</summary>
    string AppHostDirectory { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Every resource declared so far, in declaration order; tests may change it before building.</summary>
    IList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
