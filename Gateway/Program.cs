using Gateway.Apis;
using Gateway.Extensions;
using Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapBffApi();
app.MapReverseProxy(proxy => proxy
    .UseReplicaRetry()
    .UseSessionAffinity()
    .UseLoadBalancing()
    .UsePassiveHealthChecks());

app.Run();
