namespace Gateway.Authentication;

/// <summary>The gateway's own client at the identity service (<c>Identity:ClientId</c>, <c>Identity:ClientSecret</c>).</summary>
public sealed class GatewayClientOptions
{
    public const string SectionName = "Identity";

    public string ClientId { get; set; } = "gateway";

    public string? ClientSecret { get; set; }
}
