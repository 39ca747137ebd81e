var builder = DistributedApplication.CreateBuilder(args);

var mysql = builder.AddMySql("mysql").WithDataVolume();
var flightsDb = mysql.AddDatabase("flightsdb");
var redis = builder.AddRedis("redis").WithDataVolume();

var flights = builder.AddProject<Projects.Flights_Api>("flights")
    .WithReplicas(2)
    .WithReference(flightsDb).WaitFor(flightsDb);
var reservations = builder.AddProject<Projects.Reservations_Api>("reservations")
    .WithReference(redis).WaitFor(redis);

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(flights).WaitFor(flights)
    .WithReference(reservations).WaitFor(reservations)
    .WithExternalHttpEndpoints();

builder.Build().Run();
