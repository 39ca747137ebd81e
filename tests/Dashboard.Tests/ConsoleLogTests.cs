using Airline.Hosting.Orchestration;

namespace Dashboard.Tests;

/// <summary>What a process writes reaches the dashboard's console page, stderr marked as such.</summary>
public sealed class ConsoleLogTests
{
    [Fact]
    public async Task Stdout_and_stderr_lines_of_an_executable_are_kept_and_stderr_is_marked()
    {
        var builder = EmptyApp.Builder();
        builder.AddExecutable("talker", "sh", Path.GetTempPath(), "-c", "echo to-stdout; echo to-stderr >&2; sleep 0.2; echo done");
        await using var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceCompletionAsync("talker");
        using var dashboard = await DashboardClient.LogInAsync(app.Dashboard);

        var lines = await DashboardClient.EventuallyAsync(
            () => dashboard.GetAsync<List<ConsoleLogLine>>("/api/console/talker"), list => list.Count >= 3);

        // stdout and stderr are two pipes: their lines keep their order within each, not across them.
        Assert.Equal(new Dictionary<string, bool> { ["to-stdout"] = false, ["to-stderr"] = true, ["done"] = false }, lines.ToDictionary(l => l.Text, l => l.IsError));
        Assert.All(lines, l => Assert.Equal("talker", l.Source));
    }
}
