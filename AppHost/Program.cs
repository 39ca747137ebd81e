var builder = DistributedApplication.CreateBuilder(args);
builder.AddKubernetesEnvironment("airline");

var mysql = builder.AddMySql("mysql").WithDataVolume();
var flightsDb = mysql.AddDatabase("flightsdb");
var identityDb = mysql.AddDatabase("identitydb");
var redis = builder.AddRedis("redis").WithDataVolume();

var signingKey = builder.AddSigningKeyParameter("identity-signing-key");
var encryptionKey = builder.AddGeneratedSecretParameter("identity-encryption-key");
var gatewayClientSecret = builder.AddGeneratedSecretParameter("gateway-client-secret");

var identity = builder.AddProject<Projects.Identity_Api>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__SigningKey", signingKey)
    .WithEnvironment("Identity__EncryptionKey", encryptionKey)
    .WithEnvironment("Identity__GatewayClientSecret", gatewayClientSecret)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints("/connect", "/.well-known", "/account");
// Tokens name the identity service's public address (the Ingress when published), whichever address they were asked at;
// the services fetch its discovery document and keys from inside the system all the same.
var identityIssuer = identity.GetEndpoint("http");
identity.WithEnvironment("Identity__Issuer", identityIssuer);

var flights = builder.AddProject<Projects.Flights_Api>("flights")
    .WithReplicas(2)
    .WithReference(flightsDb).WaitFor(flightsDb)
    .WithHttpHealthCheck("/health");
var reservations = builder.AddProject<Projects.Reservations_Api>("reservations")
    .WithReference(redis).WaitFor(redis)
    .WithReference(identity)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(flights).WaitFor(flights)
    .WithReference(reservations).WaitFor(reservations)
    .WithReference(identity).WaitFor(identity)
    .WithReference(redis).WaitFor(redis)
    .WithEnvironment("Identity__ClientSecret", gatewayClientSecret)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints("/api", "/flights");

var web = builder.AddProject<Projects.Web>("web")
    .WithReference(gateway).WaitFor(gateway)
    .WithReference(identity)
    .WithEnvironment("Identity__Issuer", identityIssuer)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

identity.WithEnvironment("Identity__WebRedirectUris__0", ReferenceExpression.Create($"{web.GetEndpoint("http")}/signin-oidc"))
    .WithEnvironment("Identity__WebPostLogoutRedirectUris__0", ReferenceExpression.Create($"{web.GetEndpoint("http")}/signout-callback-oidc"));

builder.PrintUrlsWhenHealthy(web, gateway, identity);

builder.Build().Run();
