using Microsoft.Extensions.Logging;

namespace Airline.Hosting.Kubernetes.Publishing;

internal static partial class PublishLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {ObjectCount} Kubernetes objects to {Directory} (apply with: kubectl apply -k {Directory}).")]
    public static partial void Wrote(ILogger logger, int objectCount, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Note}")]
    public static partial void Note(ILogger logger, string note);
}
