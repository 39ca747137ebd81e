using Flights.Api.Apis;
using Flights.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseOutputCache();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapFlightsApi();

app.Run();
