using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// Which images the MySQL and Redis containers run, by <c>BackingServers:Images</c>: <c>built</c> (the images
/// <c>make images</c> builds here from Debian packages, <c>localhost/airline/{name}:debian</c>, never pulled),
/// <c>official</c> (Aspire's Redis image and docker.io's mysql, pulled where a registry is reachable), or <c>auto</c>
/// (the default: the built ones where they are present, else the official ones).
/// </summary>
internal static class BackingServerImages
{
    public const string Registry = "localhost";

    public const string Tag = "debian";

    /// <summary>Switches <paramref name="container"/> from its official image to the built one, if that is the one to run.</summary>
    /// <exception cref="MissingPrerequisiteException"><c>built</c> was asked for and the image is not there.</exception>
    public static IResourceBuilder<T> WithBuiltImageWhereChosen<T>(this IResourceBuilder<T> container, string name)
        where T : ContainerResource
    {
        var builder = container.ApplicationBuilder;
        var image = $"airline/{name}";
        var runtime = builder.ExecutionContext.IsRunMode ? BackingServerRuntime.AnsweringContainerRuntime(builder.Configuration) : null;
        var present = runtime is not null && BackingServerRuntime.Succeeds(runtime, "image", "inspect", $"{Registry}/{image}:{Tag}");
        var chosen = builder.Configuration["BackingServers:Images"] switch
        {
            null or "" or "auto" => present,
            "official" => false,
            "built" when present || runtime is null => true,
            "built" => throw new MissingPrerequisiteException(
                $"The image {Registry}/{image}:{Tag} is not there: build it with `make images` (scripts/build-images.sh), " +
                "or run the official images where a registry is reachable (BackingServers:Images=official)."),
            var other => throw new InvalidOperationException(
                $"BackingServers:Images is '{other}': it is 'auto', 'built' or 'official'."),
        };

        return chosen
            ? container.WithImage(image, Tag).WithImageRegistry(Registry).WithImagePullPolicy(ImagePullPolicy.Never)
            : container;
    }
}
