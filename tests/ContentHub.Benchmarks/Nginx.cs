using System.Diagnostics;

namespace ContentHub.Benchmarks;

/// <summary>nginx serving one file on a loopback port: the yardstick the service's figures are divided by.</summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<Nginx> ServeAsync(byte[] body, string contentType, int port)
    {
        var folder = Directory.CreateTempSubdirectory("contenthub-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "list.json"), body);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/logs/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                server {
                    listen 127.0.0.1:{{port}};
                    location / { root {{folder}}; default_type "{{contentType}}"; }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off; user root;"]))
            ?? throw new InvalidOperationException("nginx did not start; install it (apt-get install nginx-light).");
        await Task.Delay(500);
        return new Nginx(process, new Uri($"http://127.0.0.1:{port}/list.json"));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true); // the worker too, not only the master
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
