using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Orchestration;

namespace Hosting.Tests;

public sealed class DependencyGraphTests
{
    [Fact]
    public void Every_resource_starts_after_what_it_waits_for_and_a_database_after_its_server()
    {
        var builder = TestApp.Builder();
        var mysql = builder.AddMySql("mysql");
        var db = mysql.AddDatabase("flightsdb");
        var redis = builder.AddRedis("redis");
        var gateway = builder.AddProject<TestProject>("gateway");
        var flights = builder.AddProject<TestProject>("flights").WithReference(db).WaitFor(db);
        gateway.WithReference(flights).WaitFor(flights).WaitFor(redis);

        var order = DependencyGraph.StartOrder(builder.Resources).Select(r => r.Name).ToList();

        Assert.True(order.IndexOf("mysql") < order.IndexOf("flightsdb"));
        Assert.True(order.IndexOf("flightsdb") < order.IndexOf("flights"));
        Assert.True(order.IndexOf("flights") < order.IndexOf("gateway"));
        Assert.True(order.IndexOf("redis") < order.IndexOf("gateway"));
        Assert.Equal(builder.Resources.Count, order.Count);
    }

    [Fact]
    public void A_cycle_is_rejected_naming_it()
    {
        var builder = TestApp.Builder();
        var a = builder.AddProject<TestProject>("a");
        var b = builder.AddProject<TestProject>("b").WaitFor(a);
        var c = builder.AddProject<TestProject>("c").WaitFor(b);
        a.WaitFor(c);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("cycle", error.Message);
        Assert.Contains("a → c → b → a", error.Message);
    }

    [Fact]
    public void Waiting_for_itself_is_rejected()
    {
        var builder = TestApp.Builder();
        var a = builder.AddProject<TestProject>("a");

        Assert.Throws<InvalidOperationException>(() => a.WaitFor(a));
    }

    [Fact]
    public void Names_must_be_unique_and_well_formed()
    {
        var builder = TestApp.Builder();
        builder.AddRedis("redis");

        Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("redis"));
        Assert.Throws<ArgumentException>(() => builder.AddRedis("Not Valid"));
    }
}
