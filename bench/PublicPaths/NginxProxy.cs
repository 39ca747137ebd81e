using System.Diagnostics;
using System.Globalization;
using Airline.Hosting.LocalServers;

namespace PublicPaths;

/// <summary>
/// Debian's nginx as a reverse proxy with a keepalive upstream in front of the same Flights.Api replicas the
/// gateway uses: the baseline for the gateway's proxied reads. Its own config, pid and logs in a temporary folder.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxProxy(Process process, string directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> upstreams)
    {
        var directory = Directory.CreateTempSubdirectory("airline-bench-nginx-").FullName;
        var port = FreePort.Next();
        var servers = string.Concat(upstreams.Select(upstream => $"    server {upstream.Authority};\n"));
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream flights {
            {{servers}}    keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://flights;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                }
              }
            }
            """));

        var process = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", directory]) { RedirectStandardError = true })
                      ?? throw new InvalidOperationException("nginx did not start.");
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync(new Uri(url, "/alive"))).EnsureSuccessStatusCode();
                return new NginxProxy(process, directory, url);
            }
            catch (HttpRequestException) when (attempt < 50 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
