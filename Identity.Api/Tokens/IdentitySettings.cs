namespace Identity.Api.Tokens;

/// <summary>The <c>Identity</c> section: keys, issuer, lifetimes and the clients' settings.</summary>
public sealed class IdentitySettings
{
    public const string SectionName = "Identity";

    /// <summary>The RSA private key that signs access tokens: PKCS#8, base64. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Any secret string; the key that encrypts authorization codes and refresh tokens is derived from it.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The issuer written into tokens; unset, the URL the request came to (right for a single address).</summary>
    public Uri? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Where the browser client (<c>airline-web</c>) may be sent back to with an authorization code.</summary>
    public List<Uri> WebRedirectUris { get; set; } = [];

    /// <summary>Where the browser client may be sent back to once it has signed out here.</summary>
    public List<Uri> WebPostLogoutRedirectUris { get; set; } = [];

    /// <summary>The secret of the gateway's own client (client credentials); without it that client is not registered.</summary>
    public string? GatewayClientSecret { get; set; }

    /// <summary>Customer-service agents, created (or given the role) at start-up.</summary>
    public List<AgentAccount> Agents { get; set; } = [];
}

public sealed class AgentAccount
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";
}
