namespace Identity.Api.Tokens;

/// <summary>The clients this server issues tokens to.</summary>
public static class AirlineClients
{
    /// <summary>
    /// First-party command line and tests: public, password grant (the user's password goes to this server only).
    /// Third-party and browser apps get the code flow.
    /// </summary>
    public const string Cli = "airline-cli";

    /// <summary>The browser front end: public, authorization code flow with PKCE.</summary>
    public const string Web = "airline-web";

    /// <summary>The gateway's own identity: confidential, client credentials.</summary>
    public const string Gateway = "gateway";
}
