using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContentHub.Testing;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (npm, in <c>tests/s3</c>; <c>.ci/run</c> installs
/// it with <c>npm ci</c>) on a free loopback port, its data in a temporary folder, one bucket made at
/// start. It checks request signatures with its fixed credentials (<see cref="AccessKey"/>).
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private readonly string _folder;

    private S3Server(Process process, string folder, Uri url, string bucket)
    {
        _process = process;
        _folder = folder;
        Url = url;
        Bucket = bucket;
    }

    public Uri Url { get; }

    public string Bucket { get; }

    public static async Task<S3Server> StartAsync(string bucket)
    {
        var script = Path.Combine(Repository.Root, "tests", "s3", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed: run `npm ci --prefix {Path.Combine(Repository.Root, "tests", "s3")}` (.ci/run does).");
        }

        var folder = Directory.CreateTempSubdirectory("contenthub-s3-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("node", [script, "--directory", folder, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3Server(process, folder, new Uri($"http://127.0.0.1:{port}"), bucket);
        var waited = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("s3rver did not start listening.");
            }

            await Task.Delay(50);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temporary-file cleaning.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
