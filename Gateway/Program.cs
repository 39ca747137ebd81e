using Gateway.Apis;
using Gateway.Extensions;
using Gateway.Idempotency;
using Gateway.Proxy;
using Gateway.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseIdempotencyKeys();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapFlightsApi();
app.MapReservationsApi();
app.MapRebookingApi();
app.MapHoldsApi();
app.MapTripsApi();
app.MapReverseProxy(proxy => proxy
    .UseReplicaRetry()
    .UseSessionAffinity()
    .UseLoadBalancing()
    .UsePassiveHealthChecks());

app.Run();
