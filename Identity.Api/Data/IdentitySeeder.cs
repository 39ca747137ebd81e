using Identity.Api.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using ServiceDefaults.MySql;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Data;

/// <summary>
/// Registers the clients and scopes (updating them to the current settings, e.g. new redirect URIs or a new
/// gateway secret) and the configured agents. Runs at every start-up, under the migration lock.
/// </summary>
public sealed partial class IdentitySeeder(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentitySettings> settings,
    ILogger<IdentitySeeder> logger) : IDatabaseSeeder<IdentityContext>
{
    public string StepName => "register clients, scopes and agents";

    public async Task<string> SeedAsync(IdentityContext context, CancellationToken cancellationToken)
    {
        await UpsertScopeAsync(AirlineScopes.Reservations, [AirlineScopes.GatewayAudience, AirlineScopes.ReservationsAudience], cancellationToken);
        await UpsertScopeAsync(AirlineScopes.AllReservations, [AirlineScopes.ReservationsAudience], cancellationToken);

        await UpsertClientAsync(CliClient(), cancellationToken);
        await UpsertClientAsync(WebClient(settings.Value.WebRedirectUris, settings.Value.WebPostLogoutRedirectUris), cancellationToken);
        if (settings.Value.GatewayClientSecret is { Length: > 0 } secret)
        {
            await UpsertClientAsync(GatewayClient(secret), cancellationToken);
        }

        await SeedAgentsAsync();
        return "clients, scopes and agents are registered";
    }

    private static OpenIddictApplicationDescriptor CliClient() => new()
    {
        ClientId = AirlineClients.Cli,
        ClientType = ClientTypes.Public,
        DisplayName = "Airline command line (first party)",
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.Password,
            Permissions.GrantTypes.RefreshToken,
            Permissions.Prefixes.Scope + AirlineScopes.Reservations,
            Permissions.Prefixes.Scope + Scopes.OfflineAccess,
        },
    };

    private static OpenIddictApplicationDescriptor WebClient(IEnumerable<Uri> redirectUris, IEnumerable<Uri> postLogoutRedirectUris)
    {
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = AirlineClients.Web,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Airline web app",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + AirlineScopes.Reservations,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        client.RedirectUris.UnionWith(redirectUris);
        client.PostLogoutRedirectUris.UnionWith(postLogoutRedirectUris);
        return client;
    }

    private static OpenIddictApplicationDescriptor GatewayClient(string secret) => new()
    {
        ClientId = AirlineClients.Gateway,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = "Airline gateway (its own calls)",
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + AirlineScopes.AllReservations,
        },
    };

    private async Task UpsertClientAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    private async Task UpsertScopeAsync(string name, string[] resources, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor { Name = name };
        descriptor.Resources.UnionWith(resources);
        if (await scopes.FindByNameAsync(name, cancellationToken) is { } existing)
        {
            await scopes.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await scopes.CreateAsync(descriptor, cancellationToken);
        }
    }

    private async Task SeedAgentsAsync()
    {
        if (settings.Value.Agents.Count > 0 && !await roles.RoleExistsAsync(AirlineScopes.AgentRole))
        {
            Check(await roles.CreateAsync(new IdentityRole(AirlineScopes.AgentRole)), "create the agent role");
        }

        foreach (var agent in settings.Value.Agents)
        {
            var user = await users.FindByEmailAsync(agent.Email);
            if (user is null)
            {
                user = new IdentityUser { UserName = agent.Email, Email = agent.Email };
                Check(await users.CreateAsync(user, agent.Password), $"create agent {agent.Email}");
            }

            if (!await users.IsInRoleAsync(user, AirlineScopes.AgentRole))
            {
                Check(await users.AddToRoleAsync(user, AirlineScopes.AgentRole), $"make {agent.Email} an agent");
                LogAgentAdded(logger, user.Id);
            }
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(error => error.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} is now a customer-service agent")]
    private static partial void LogAgentAdded(ILogger logger, string userId);
}
